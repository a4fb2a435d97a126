namespace KokkaBot.Conversation;

/// <summary>A language the bot can speak, named in itself so that its speakers recognise it.</summary>
public sealed record Language(string Code, string NativeName, IReadOnlyList<string> Synonyms, bool RightToLeft = false);

public static class Languages
{
    /// <summary>
    /// The languages the bot speaks, in the order they are offered. Synonyms are what a user may
    /// type for one: its English and Finnish names and the way its own speakers say "in X".
    /// </summary>
    public static IReadOnlyList<Language> All { get; } =
    [
        new("en", "English", ["in english", "englanti", "englanniksi", "eng"]),
        new("fi", "Suomi", ["finnish", "suomeksi", "in finnish", "finska", "fin"]),
        new("sv", "Svenska", ["swedish", "in swedish", "ruotsi", "ruotsiksi", "på svenska", "svensk", "swe"]),
        new("ru", "Русский", ["russian", "in russian", "venäjä", "venäjäksi", "по-русски", "русский язык", "на русском", "rus"]),
        new("uk", "Українська", ["ukrainian", "in ukrainian", "ukraina", "ukrainaksi", "українською", "українська мова", "ukr"]),
        new("ar", "العربية", ["arabic", "in arabic", "arabia", "arabiaksi", "عربي", "عربى", "بالعربي", "بالعربية", "اللغة العربية"], RightToLeft: true),
    ];

    public static Language? Find(string? code) => All.FirstOrDefault(l => l.Code == code);

    /// <summary>The supported language of a BCP-47 locale ("fi-FI" → fi), or null.</summary>
    public static Language? FromLocale(string? locale) =>
        string.IsNullOrWhiteSpace(locale) ? null : Find(locale.Split('-', '_')[0].ToLowerInvariant());
}
