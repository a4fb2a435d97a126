namespace KokkaBot.Knowledge.Places;

/// <summary>A town KokkaBot serves, with the forms people use when they write about living there.</summary>
/// <param name="Slug">Stable key stored in profiles and content scopes.</param>
/// <param name="Name">The town's name, the same in English and Finnish.</param>
/// <param name="Region">The region (maakunta) the town belongs to.</param>
/// <param name="InflectedForms">Finnish case forms ("Kotkassa", "Imatralla") that should still mean the town.</param>
public sealed record Town(string Slug, string Name, string Region, IReadOnlyList<string> InflectedForms);

/// <summary>The five towns of Kymenlaakso and South Karelia that KokkaBot serves.</summary>
public static class Towns
{
    public const string Kymenlaakso = "Kymenlaakso";
    public const string SouthKarelia = "South Karelia";

    public static IReadOnlyList<Town> All { get; } =
    [
        new("kotka", "Kotka", Kymenlaakso, ["kotkassa", "kotkaan", "kotkasta", "kotkan"]),
        new("hamina", "Hamina", Kymenlaakso, ["haminassa", "haminaan", "haminasta", "haminan"]),
        new("kouvola", "Kouvola", Kymenlaakso, ["kouvolassa", "kouvolaan", "kouvolasta", "kouvolan"]),
        new("lappeenranta", "Lappeenranta", SouthKarelia, ["lappeenrannassa", "lappeenrantaan", "lappeenrannasta", "lappeenrannan", "lpr"]),
        new("imatra", "Imatra", SouthKarelia, ["imatralla", "imatralle", "imatralta", "imatran"]),
    ];

    public static Town? Find(string? slug) => All.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
