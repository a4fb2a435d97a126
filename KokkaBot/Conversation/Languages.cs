namespace KokkaBot.Conversation;

/// <summary>A language the bot can speak, named in itself so that its speakers recognise it.</summary>
public sealed record Language(string Code, string NativeName, IReadOnlyList<string> Synonyms, bool RightToLeft = false);

public static class Languages
{
    /// <summary>Languages with complete bot texts; the others arrive with their translations.</summary>
    public static IReadOnlyList<Language> All { get; } =
    [
        new("en", "English", ["in english", "englanti", "englanniksi", "eng"]),
        new("fi", "Suomi", ["finnish", "suomeksi", "in finnish", "finska", "fin"]),
    ];

    public static Language? Find(string? code) => All.FirstOrDefault(l => l.Code == code);

    /// <summary>The supported language of a BCP-47 locale ("fi-FI" → fi), or null.</summary>
    public static Language? FromLocale(string? locale) =>
        string.IsNullOrWhiteSpace(locale) ? null : Find(locale.Split('-', '_')[0].ToLowerInvariant());
}
