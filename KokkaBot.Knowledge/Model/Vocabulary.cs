namespace KokkaBot.Knowledge.Model;

/// <summary>The fixed vocabularies of the knowledge base: languages, categories, towns.</summary>
public static class Vocabulary
{
    /// <summary>The languages content is written in, English first (the fallback).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "fi", "sv", "ru", "uk", "ar"];

    /// <summary>Every entry must have these languages complete.</summary>
    public static IReadOnlyList<string> RequiredLanguages { get; } = ["en", "fi"];

    public static IReadOnlyList<Category> Categories { get; } =
    [
        new("registration-residence", "Registration & residence", "Rekisteröityminen ja asuminen Suomessa"),
        new("residence-permits", "Residence permits", "Oleskeluluvat"),
        new("tax", "Tax", "Verotus"),
        new("social-security", "Social security", "Sosiaaliturva"),
        new("health", "Health", "Terveys"),
        new("emergency", "Emergency", "Hätätilanteet"),
        new("employment", "Employment", "Työ ja työnhaku"),
        new("housing", "Housing", "Asuminen"),
        new("education-language", "Education & Finnish language", "Koulutus ja suomen kieli"),
        new("family", "Family, daycare & schools", "Perhe, varhaiskasvatus ja koulut"),
        new("banking", "Banking", "Pankkiasiat"),
        new("transport", "Transport", "Liikenne"),
        new("community", "Community", "Yhteisöt ja vapaa-aika"),
    ];

    public static bool IsCategory(string? slug) => Categories.Any(c => c.Slug == slug);

    public static bool IsLanguage(string? code) => Languages.Contains(code);
}

public sealed record Category(string Slug, string English, string Finnish);
