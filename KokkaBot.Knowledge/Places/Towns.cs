namespace KokkaBot.Knowledge.Places;

/// <summary>A town KokkaBot serves, with the forms people use when they write about living there.</summary>
/// <param name="Slug">Stable key stored in profiles and content scopes.</param>
/// <param name="Name">The town's name, the same in English and Finnish.</param>
/// <param name="Region">The region (maakunta) the town belongs to.</param>
/// <param name="InflectedForms">Finnish case forms ("Kotkassa", "Imatralla") that should still mean the town.</param>
/// <param name="Stems">How the name begins in every script we serve, whatever the case ending: "kotk", "котк", "كوتكا".</param>
public sealed record Town(string Slug, string Name, string Region, IReadOnlyList<string> InflectedForms, IReadOnlyList<string> Stems)
{
    /// <summary>True when a word of a question names this town ("Kotkassa", "Котке", "Villmanstrand").</summary>
    public bool IsNamedBy(string word)
    {
        var lower = word.ToLowerInvariant();
        return Stems.Any(stem => lower.StartsWith(stem, StringComparison.Ordinal) && lower.Length <= stem.Length + 6);
    }
}

/// <summary>The five towns of Kymenlaakso and South Karelia that KokkaBot serves.</summary>
public static class Towns
{
    public const string Kymenlaakso = "Kymenlaakso";
    public const string SouthKarelia = "South Karelia";

    public static IReadOnlyList<Town> All { get; } =
    [
        new("kotka", "Kotka", Kymenlaakso, ["kotkassa", "kotkaan", "kotkasta", "kotkan"], ["kotk", "котк", "كوتكا"]),
        new("hamina", "Hamina", Kymenlaakso, ["haminassa", "haminaan", "haminasta", "haminan"], ["hamin", "fredrikshamn", "хамин", "хамін", "هامينا"]),
        new("kouvola", "Kouvola", Kymenlaakso, ["kouvolassa", "kouvolaan", "kouvolasta", "kouvolan"], ["kouvol", "коувол", "كوفولا", "كوؤفولا"]),
        new("lappeenranta", "Lappeenranta", SouthKarelia, ["lappeenrannassa", "lappeenrantaan", "lappeenrannasta", "lappeenrannan", "lpr"], ["lappeenran", "lpr", "villmanstrand", "лаппеенран", "لابينرانتا", "لاپينرانتا"]),
        new("imatra", "Imatra", SouthKarelia, ["imatralla", "imatralle", "imatralta", "imatran"], ["imatr", "иматр", "іматр", "إيماترا", "ايماترا"]),
    ];

    public static Town? Find(string? slug) => All.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>How the two regions are written ("Kymenlaakson", "Etelä-Karjalan", "South Karelia").</summary>
    private static readonly (string Region, string[] Stems)[] RegionStems =
    [
        (Kymenlaakso, ["kymenlaakso", "kymenlaakson", "kymmenedalen", "кюменлааксо", "кюменлааксо", "كيمنلاكسو"]),
        (SouthKarelia, ["etelä-karjala", "etela-karjala", "etelä karjala", "south karelia", "södra karelen", "южная карелия", "південна карелія", "كاريليا الجنوبية"]),
    ];

    /// <summary>The towns of the region a question names ("Etelä-Karjalan työllisyyspalvelut"), or null.</summary>
    public static IReadOnlyList<string>? RegionNamedIn(string question)
    {
        var lower = question.ToLowerInvariant();
        var region = RegionStems.FirstOrDefault(r => r.Stems.Any(stem => lower.Contains(stem, StringComparison.Ordinal))).Region;
        return region is null ? null : All.Where(t => t.Region == region).Select(t => t.Slug).ToList();
    }

    /// <summary>The one town a question names, or null when it names none (or several).</summary>
    public static Town? NamedIn(IEnumerable<string> words)
    {
        var named = words.SelectMany(w => All.Where(t => t.IsNamedBy(w))).Distinct().ToList();
        return named.Count == 1 ? named[0] : null;
    }
}
