using System.Globalization;
using System.Text;
using KokkaBot.Knowledge.Model;

namespace KokkaBot.Pages.Coordinator;

/// <summary>How the staff pages name things: languages, towns, categories, fields, times.</summary>
public static class Display
{
    private static readonly TimeZoneInfo Finland = FindFinland();

    public static string Language(string code) => code switch
    {
        "en" => "English",
        "fi" => "Finnish",
        "sv" => "Swedish",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "ar" => "Arabic",
        _ => code,
    };

    /// <summary>The writing direction of a content language, for its inputs and its preview.</summary>
    public static string Direction(string code) => code == "ar" ? "rtl" : "ltr";

    public static string Town(string slug) => Knowledge.Places.Towns.Find(slug)?.Name ?? slug;

    public static string Towns(IReadOnlyCollection<string> slugs) => slugs.Count == 0 ? "National" : string.Join(", ", slugs.Select(Town));

    public static string Category(string slug) => Vocabulary.Categories.FirstOrDefault(c => c.Slug == slug)?.English ?? slug;

    public static string Kind(EntryKind kind) => kind.ToString();

    public static string Status(EntryStatus status) => status.ToString();

    public static string Date(DateOnly date) => date == default ? "—" : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A stored UTC time as Finnish local time, which is what coordinators live in.</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Finland).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for &lt;time datetime&gt;.</summary>
    public static string TimeAttribute(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A field name of the history and of validation ("content.fi.summary") in words ("Finnish: summary").</summary>
    public static string Field(string field)
    {
        var parts = field.Split('.');
        if (parts[0] == "content" && parts.Length >= 2)
            return parts.Length == 2 ? $"{Language(parts[1])} text" : $"{Language(parts[1])}: {Words(parts[2])}";
        return parts.Length == 1 ? Capitalize(Words(parts[0])) : $"{Capitalize(Words(parts[0]))}: {Words(parts[1])}";
    }

    /// <summary>
    /// The id of the input that a problem's field names ("source.url" → "f-source-url"). A problem
    /// about a whole language ("content.fi") points at that language's title.
    /// </summary>
    public static string FieldId(string field)
    {
        var parts = field.Split('.');
        if (parts[0] == "content")
        {
            var language = parts.Length >= 2 ? parts[1] : "en";
            var part = parts.Length >= 3 ? parts[2] : "title";
            return $"f-content-{language}-{part}";
        }
        return "f-" + string.Join('-', parts.Select(Kebab));
    }

    /// <summary>The language tab a field belongs to, if any.</summary>
    public static string? FieldLanguage(string field)
    {
        var parts = field.Split('.');
        return parts[0] == "content" ? (parts.Length >= 2 ? parts[1] : "en") : null;
    }

    private static string Words(string camel) => Kebab(camel).Replace('-', ' ') switch
    {
        "review due" => "review date",
        "careers url" => "careers page",
        "url" => "web address",
        "check" => "check with the source",
        var words => words,
    };

    private static string Kebab(string camel)
    {
        var result = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsUpper(c))
                result.Append('-').Append(char.ToLowerInvariant(c));
            else
                result.Append(c);
        }
        return result.ToString();
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static TimeZoneInfo FindFinland()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
