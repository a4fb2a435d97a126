using System.Text.RegularExpressions;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Places;

namespace KokkaBot.Knowledge.Editing;

/// <summary>One thing wrong with an entry: which field, and what to do about it, in plain words.</summary>
public sealed record EntryProblem(string Field, string Message);

/// <summary>
/// What an entry must be before it is saved (and, stricter, before it is published). The editor,
/// the API and the import all use these rules, so they refuse the same things with the same words.
/// </summary>
public static partial class EntryValidator
{
    public const int MaxSummaryLength = 220;

    public static IReadOnlyList<EntryProblem> Validate(KnowledgeEntry entry)
    {
        var problems = new List<EntryProblem>();
        void Problem(string field, string message) => problems.Add(new EntryProblem(field, message));

        if (!SlugPattern().IsMatch(entry.Slug))
            Problem("slug", "Use lowercase letters, digits and single hyphens, for example 'kotka-moona'.");
        if (!Vocabulary.IsCategory(entry.Category))
            Problem("category", $"Choose one of the categories: {string.Join(", ", Vocabulary.Categories.Select(c => c.Slug))}.");
        foreach (var town in entry.Towns.Where(t => Places.Towns.Find(t) is null))
            Problem("towns", $"'{town}' is not one of our towns ({string.Join(", ", Places.Towns.All.Select(t => t.Slug))}).");
        if (string.IsNullOrWhiteSpace(entry.Source.Name))
            Problem("source.name", "Name the source of the facts (for example 'vero.fi').");
        if (entry.Verified == default)
            Problem("verified", "Give the date the entry was last checked against its source.");
        if (entry.ReviewDue == default)
            Problem("reviewDue", "Give the date by which the entry must be checked again.");
        else if (entry.Verified != default && entry.ReviewDue < entry.Verified)
            Problem("reviewDue", "The review date must come after the verified date.");

        CheckUrl(entry.Source.Url, "source.url", Problem);
        CheckUrl(entry.Contact.Url, "contact.url", Problem);
        if (entry.Contact.Email is { Length: > 0 } email && !EmailPattern().IsMatch(email))
            Problem("contact.email", $"'{email}' is not an e-mail address.");
        if (entry.Contact.Phone is { Length: > 0 } phone && !PhonePattern().IsMatch(phone))
            Problem("contact.phone", $"'{phone}' is not a phone number: use digits, spaces, + and -, for example '+358 5 234 4171' or '116117'.");
        if (entry.Contact.Latitude is { } latitude && (latitude < 59 || latitude > 71))
            Problem("contact.latitude", "The latitude is not in Finland.");
        if (entry.Contact.Longitude is { } longitude && (longitude < 19 || longitude > 32))
            Problem("contact.longitude", "The longitude is not in Finland.");

        if (entry.Kind == EntryKind.Employer)
        {
            if (entry.Employer is null || string.IsNullOrWhiteSpace(entry.Employer.Sector))
                Problem("employer.sector", "An employer needs its sector.");
            CheckUrl(entry.Employer?.CareersUrl, "employer.careersUrl", Problem);
        }

        foreach (var language in Vocabulary.RequiredLanguages)
        {
            var text = entry.Text(language);
            if (text is null || !text.IsComplete)
                Problem($"content.{language}", $"{LanguageName(language)} needs a title, a summary and a text.");
        }
        foreach (var text in entry.Texts)
        {
            if (!Vocabulary.IsLanguage(text.Language))
                Problem($"content.{text.Language}", $"'{text.Language}' is not one of our languages ({string.Join(", ", Vocabulary.Languages)}).");
            if (text.Summary is { Length: > MaxSummaryLength })
                Problem($"content.{text.Language}.summary", $"Keep the summary under {MaxSummaryLength} characters (now {text.Summary.Length}): it is what people read first on a phone.");
            var partial = !string.IsNullOrWhiteSpace(text.Title) || !string.IsNullOrWhiteSpace(text.Body);
            if (partial && !text.IsComplete)
                Problem($"content.{text.Language}", $"{LanguageName(text.Language)} has only part of the text: give a title, a summary and a text, or keywords only.");
        }
        if (entry.Texts.GroupBy(t => t.Language).Any(g => g.Count() > 1))
            Problem("content", "A language appears twice.");
        return problems;
    }

    private static void CheckUrl(string? url, string field, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(url))
            return;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !uri.Host.Contains('.', StringComparison.Ordinal))
            problem(field, $"'{url}' is not a web address: write it in full, starting with https://.");
    }

    private static string LanguageName(string code) => code switch
    {
        "en" => "English",
        "fi" => "Finnish",
        "sv" => "Swedish",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "ar" => "Arabic",
        _ => code,
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{2,24}$")]
    private static partial Regex PhonePattern();
}
