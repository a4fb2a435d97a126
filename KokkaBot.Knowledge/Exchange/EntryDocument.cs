using KokkaBot.Knowledge.Model;

namespace KokkaBot.Knowledge.Exchange;

/// <summary>
/// An entry as it is written in the content files, exported, imported and kept in history: the
/// format of Content/README.md. Plain data; <see cref="ToEntity"/> and <see cref="From"/> convert.
/// </summary>
public sealed record EntryDocument
{
    public string Slug { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Category { get; init; } = "";
    public List<string> Towns { get; init; } = [];
    public string Status { get; init; } = "draft";
    public string? Owner { get; init; }
    public SourceDocument Source { get; init; } = new();
    public DateOnly? Verified { get; init; }
    public DateOnly? ReviewDue { get; init; }
    public ContactDocument? Contact { get; init; }
    public EmployerDocument? Employer { get; init; }
    public Dictionary<string, TextDocument> Content { get; init; } = [];

    public KnowledgeEntry ToEntity() => new()
    {
        Slug = Slug.Trim(),
        Kind = Enum.TryParse<EntryKind>(Kind, ignoreCase: true, out var kind) ? kind : EntryKind.Service,
        Category = Category.Trim(),
        Towns = Towns.Select(t => t.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList(),
        Status = Enum.TryParse<EntryStatus>(Status, ignoreCase: true, out var status) ? status : EntryStatus.Draft,
        Owner = Owner,
        Source = new SourceInfo
        {
            Name = Source.Name ?? "",
            Url = Source.Url,
            Date = Source.Date,
            NeedsCheck = Source.Check,
            Facts = Source.Facts.ToList(),
        },
        Verified = Verified ?? default,
        ReviewDue = ReviewDue ?? default,
        Contact = new ContactInfo
        {
            Address = Contact?.Address,
            Phone = Contact?.Phone,
            Email = Contact?.Email,
            Url = Contact?.Url,
            OpeningHours = Contact?.Hours,
            Latitude = Contact?.Latitude,
            Longitude = Contact?.Longitude,
        },
        Employer = Employer is null ? null : new EmployerInfo
        {
            Sector = Employer.Sector,
            Size = Employer.Size,
            WorkingLanguages = Employer.WorkingLanguages.ToList(),
            CareersUrl = Employer.CareersUrl,
            TakesInterns = Employer.Interns,
            TakesThesisWorkers = Employer.Thesis,
            TakesSummerWorkers = Employer.Summer,
        },
        Texts = Content.Select(pair => new EntryText
        {
            Language = pair.Key,
            Title = pair.Value.Title,
            Summary = pair.Value.Summary,
            Body = pair.Value.Body,
            Keywords = pair.Value.Keywords.ToList(),
        }).OrderBy(t => LanguageOrder(t.Language)).ToList(),
    };

    public static EntryDocument From(KnowledgeEntry entry) => new()
    {
        Slug = entry.Slug,
        Kind = entry.Kind.ToString().ToLowerInvariant(),
        Category = entry.Category,
        Towns = entry.Towns.ToList(),
        Status = entry.Status.ToString().ToLowerInvariant(),
        Owner = entry.Owner,
        Source = new SourceDocument
        {
            Name = entry.Source.Name,
            Url = entry.Source.Url,
            Date = entry.Source.Date,
            Check = entry.Source.NeedsCheck,
            Facts = entry.Source.Facts.ToList(),
        },
        Verified = entry.Verified == default ? null : entry.Verified,
        ReviewDue = entry.ReviewDue == default ? null : entry.ReviewDue,
        Contact = IsEmpty(entry.Contact) ? null : new ContactDocument
        {
            Address = entry.Contact.Address,
            Phone = entry.Contact.Phone,
            Email = entry.Contact.Email,
            Url = entry.Contact.Url,
            Hours = entry.Contact.OpeningHours,
            Latitude = entry.Contact.Latitude,
            Longitude = entry.Contact.Longitude,
        },
        Employer = entry.Employer is not { } employer ? null : new EmployerDocument
        {
            Sector = employer.Sector,
            Size = employer.Size,
            WorkingLanguages = employer.WorkingLanguages.ToList(),
            CareersUrl = employer.CareersUrl,
            Interns = employer.TakesInterns,
            Thesis = employer.TakesThesisWorkers,
            Summer = employer.TakesSummerWorkers,
        },
        Content = entry.Texts
            .OrderBy(t => LanguageOrder(t.Language))
            .ToDictionary(t => t.Language, t => new TextDocument
            {
                Title = t.Title,
                Summary = t.Summary,
                Body = t.Body,
                Keywords = t.Keywords.ToList(),
            }),
    };

    private static int LanguageOrder(string language)
    {
        var index = Vocabulary.Languages.ToList().IndexOf(language);
        return index < 0 ? int.MaxValue : index;
    }

    private static bool IsEmpty(ContactInfo contact) =>
        contact.Address is null && contact.Phone is null && contact.Email is null && contact.Url is null
        && contact.OpeningHours is null && contact.Latitude is null && contact.Longitude is null;
}

public sealed record SourceDocument
{
    public string? Name { get; init; }
    public string? Url { get; init; }
    public string? Date { get; init; }
    public bool Check { get; init; }
    public List<string> Facts { get; init; } = [];
}

public sealed record ContactDocument
{
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Url { get; init; }
    public string? Hours { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
}

public sealed record EmployerDocument
{
    public string? Sector { get; init; }
    public string? Size { get; init; }
    public List<string> WorkingLanguages { get; init; } = [];
    public string? CareersUrl { get; init; }
    public bool? Interns { get; init; }
    public bool? Thesis { get; init; }
    public bool? Summer { get; init; }
}

public sealed record TextDocument
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Body { get; init; }
    public List<string> Keywords { get; init; } = [];
}
