using System.Globalization;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Model;

namespace KokkaBot.Pages.Coordinator;

/// <summary>
/// The edit form exactly as the coordinator typed it: strings, so that nothing typed is ever lost or
/// reformatted when the page comes back with a problem or a conflict. <see cref="ToEntry"/> turns it
/// into an entry for the editor service; problems it finds itself (a date it cannot read) use the
/// same field names as <see cref="EntryValidator"/>.
/// </summary>
public sealed class EntryForm
{
    /// <summary>The version the form was loaded at (or last brought up to date after a conflict).</summary>
    public int Version { get; set; }

    public string? Slug { get; set; }
    public string Kind { get; set; } = "service";
    public string? Category { get; set; }
    public List<string> Towns { get; set; } = [];
    public string? Owner { get; set; }

    public string? SourceName { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceDate { get; set; }
    public bool SourceCheck { get; set; }

    /// <summary>Fact-sheet rows, comma-separated (kept so that a save never drops them).</summary>
    public string? SourceFacts { get; set; }

    public string? Verified { get; set; }
    public string? ReviewDue { get; set; }

    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Url { get; set; }
    public string? Hours { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }

    public string? EmployerSector { get; set; }
    public string? EmployerSize { get; set; }
    public string? EmployerLanguages { get; set; }
    public string? EmployerCareersUrl { get; set; }

    /// <summary>"", "yes" or "no": unknown is a real answer for these.</summary>
    public string? EmployerInterns { get; set; }

    public string? EmployerThesis { get; set; }
    public string? EmployerSummer { get; set; }

    /// <summary>One text per language, in <see cref="Vocabulary.Languages"/> order.</summary>
    public List<TextForm> Texts { get; set; } = [];

    public bool IsEmployer => string.Equals(Kind, "employer", StringComparison.OrdinalIgnoreCase);

    public TextForm Text(string language) => Texts.FirstOrDefault(t => t.Language == language) ?? new TextForm { Language = language };

    /// <summary>A blank form for a new entry: dates filled in the usual way (checked today, review in six months).</summary>
    public static EntryForm New(DateOnly today, IReadOnlyList<string>? editorTowns) => new()
    {
        Verified = Date(today),
        ReviewDue = Date(today.AddMonths(6)),
        Towns = editorTowns is { Count: 1 } ? [editorTowns[0]] : [],
        Texts = Vocabulary.Languages.Select(l => new TextForm { Language = l }).ToList(),
    };

    public static EntryForm From(KnowledgeEntry entry) => new()
    {
        Version = entry.Version,
        Slug = entry.Slug,
        Kind = entry.Kind.ToString().ToLowerInvariant(),
        Category = entry.Category,
        Towns = entry.Towns.ToList(),
        Owner = entry.Owner,
        SourceName = entry.Source.Name,
        SourceUrl = entry.Source.Url,
        SourceDate = entry.Source.Date,
        SourceCheck = entry.Source.NeedsCheck,
        SourceFacts = string.Join(", ", entry.Source.Facts),
        Verified = entry.Verified == default ? null : Date(entry.Verified),
        ReviewDue = entry.ReviewDue == default ? null : Date(entry.ReviewDue),
        Address = entry.Contact.Address,
        Phone = entry.Contact.Phone,
        Email = entry.Contact.Email,
        Url = entry.Contact.Url,
        Hours = entry.Contact.OpeningHours,
        Latitude = entry.Contact.Latitude?.ToString(CultureInfo.InvariantCulture),
        Longitude = entry.Contact.Longitude?.ToString(CultureInfo.InvariantCulture),
        EmployerSector = entry.Employer?.Sector,
        EmployerSize = entry.Employer?.Size,
        EmployerLanguages = entry.Employer is null ? null : string.Join(", ", entry.Employer.WorkingLanguages),
        EmployerCareersUrl = entry.Employer?.CareersUrl,
        EmployerInterns = Flag(entry.Employer?.TakesInterns),
        EmployerThesis = Flag(entry.Employer?.TakesThesisWorkers),
        EmployerSummer = Flag(entry.Employer?.TakesSummerWorkers),
        Texts = Vocabulary.Languages.Select(l => entry.Text(l) is { } text
            ? new TextForm { Language = l, Title = text.Title, Summary = text.Summary, Body = text.Body, Keywords = string.Join(", ", text.Keywords) }
            : new TextForm { Language = l }).ToList(),
    };

    /// <summary>
    /// The entry this form describes, with the given status (status changes go through their own
    /// buttons, never through the form). Problems are what the form itself could not read.
    /// </summary>
    public (KnowledgeEntry Entry, IReadOnlyList<EntryProblem> Problems) ToEntry(EntryStatus status)
    {
        var problems = new List<EntryProblem>();
        var kind = Enum.TryParse<EntryKind>(Kind, ignoreCase: true, out var k) ? k : EntryKind.Service;
        var entry = new KnowledgeEntry
        {
            Slug = (Slug ?? "").Trim(),
            Kind = kind,
            Category = (Category ?? "").Trim(),
            Towns = Towns.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList(),
            Status = status,
            Owner = Clean(Owner),
            Source = new SourceInfo
            {
                Name = (SourceName ?? "").Trim(),
                Url = Clean(SourceUrl),
                Date = Clean(SourceDate),
                NeedsCheck = SourceCheck,
                Facts = List(SourceFacts),
            },
            Verified = ParseDate(Verified, "verified", problems),
            ReviewDue = ParseDate(ReviewDue, "reviewDue", problems),
            Contact = new ContactInfo
            {
                Address = Clean(Address),
                Phone = Clean(Phone),
                Email = Clean(Email),
                Url = Clean(Url),
                OpeningHours = Clean(Hours),
                Latitude = ParseNumber(Latitude, "contact.latitude", problems),
                Longitude = ParseNumber(Longitude, "contact.longitude", problems),
            },
            Employer = kind != EntryKind.Employer ? null : new EmployerInfo
            {
                Sector = Clean(EmployerSector),
                Size = Clean(EmployerSize),
                WorkingLanguages = List(EmployerLanguages),
                CareersUrl = Clean(EmployerCareersUrl),
                TakesInterns = ParseFlag(EmployerInterns),
                TakesThesisWorkers = ParseFlag(EmployerThesis),
                TakesSummerWorkers = ParseFlag(EmployerSummer),
            },
        };
        foreach (var language in Vocabulary.Languages)
        {
            var text = Text(language);
            if (text.IsBlank)
                continue;
            entry.Texts.Add(new EntryText
            {
                Language = language,
                Title = Clean(text.Title),
                Summary = Clean(text.Summary),
                Body = string.IsNullOrWhiteSpace(text.Body) ? null : text.Body.Replace("\r\n", "\n", StringComparison.Ordinal),
                Keywords = List(text.Keywords),
            });
        }
        return (entry, problems);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Flag(bool? value) => value switch { true => "yes", false => "no", null => "" };

    private static bool? ParseFlag(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static DateOnly ParseDate(string? value, string field, List<EntryProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
            return default;
        string[] formats = ["yyyy-MM-dd", "d.M.yyyy"];
        if (DateOnly.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problems.Add(new EntryProblem(field, $"'{value}' is not a date: write it as 2026-05-31 (or 31.5.2026)."));
        return default;
    }

    private static double? ParseNumber(string? value, string field, List<EntryProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (double.TryParse(value.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number;
        problems.Add(new EntryProblem(field, $"'{value}' is not a number: write it with a point, for example 60.4664."));
        return null;
    }
}

/// <summary>One language tab of the form.</summary>
public sealed class TextForm
{
    public string Language { get; set; } = "";
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Keywords { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Summary) && string.IsNullOrWhiteSpace(Body) && string.IsNullOrWhiteSpace(Keywords);

    public int SummaryLeft => EntryValidator.MaxSummaryLength - (Summary?.Trim().Length ?? 0);
}
