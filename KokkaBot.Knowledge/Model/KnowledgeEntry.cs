namespace KokkaBot.Knowledge.Model;

public enum EntryKind
{
    Service,
    Employer,
    Guide,
    Community,
}

public enum EntryStatus
{
    Draft,
    Published,
    Archived,
}

/// <summary>
/// One entry of the knowledge base: a service, an employer, a guide or a community. Its text is per
/// language; its facts (contact, source, employer details) are the same in every language.
/// </summary>
public sealed class KnowledgeEntry
{
    public int Id { get; set; }

    /// <summary>Stable identifier used by dialogs, links and the evaluation set: lowercase-kebab.</summary>
    public required string Slug { get; set; }

    public EntryKind Kind { get; set; }
    public required string Category { get; set; }

    /// <summary>Town slugs the entry applies to; empty means national (every town).</summary>
    public List<string> Towns { get; set; } = [];

    public EntryStatus Status { get; set; } = EntryStatus.Draft;
    public string? Owner { get; set; }

    public ContactInfo Contact { get; set; } = new();
    public SourceInfo Source { get; set; } = new();
    public EmployerInfo? Employer { get; set; }

    /// <summary>When the entry was last checked against its sources.</summary>
    public DateOnly Verified { get; set; }

    /// <summary>When a coordinator must check it again.</summary>
    public DateOnly ReviewDue { get; set; }

    public List<EntryText> Texts { get; set; } = [];

    /// <summary>Incremented by every saved change; a save based on an older version is refused.</summary>
    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public bool IsNational => Towns.Count == 0;

    public EntryText? Text(string language) => Texts.FirstOrDefault(t => t.Language == language);
}

/// <summary>An entry's words in one language. A language may carry keywords only, so questions in it still find the entry.</summary>
public sealed class EntryText
{
    public required string Language { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }

    /// <summary>Markdown.</summary>
    public string? Body { get; set; }

    public List<string> Keywords { get; set; } = [];

    public bool IsComplete => !string.IsNullOrWhiteSpace(Title) && !string.IsNullOrWhiteSpace(Summary) && !string.IsNullOrWhiteSpace(Body);
}

public sealed class ContactInfo
{
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Url { get; set; }
    public string? OpeningHours { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

/// <summary>Where the facts come from: a user sees the source and its date beside every answer.</summary>
public sealed class SourceInfo
{
    public string Name { get; set; } = "";
    public string? Url { get; set; }

    /// <summary>The source's own date, as it states it ("2025", "04.04.2024").</summary>
    public string? Date { get; set; }

    /// <summary>The fact sheet marked a fact of this entry CHECK: users are told to confirm with the source.</summary>
    public bool NeedsCheck { get; set; }

    /// <summary>Rows of the fact sheet the entry is written from.</summary>
    public List<string> Facts { get; set; } = [];
}

public sealed class EmployerInfo
{
    public string? Sector { get; set; }
    public string? Size { get; set; }
    public List<string> WorkingLanguages { get; set; } = [];
    public string? CareersUrl { get; set; }

    /// <summary>null: not known.</summary>
    public bool? TakesInterns { get; set; }

    public bool? TakesThesisWorkers { get; set; }
    public bool? TakesSummerWorkers { get; set; }
}
