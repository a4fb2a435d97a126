using System.Reflection;
using System.Text.Json;

namespace KokkaBot.Conversation.Texts;

/// <summary>
/// Every sentence the bot says, per language, from the JSON files beside this class (embedded at
/// build). Dialogs ask for a key; a key missing in a language falls back to English.
/// </summary>
public sealed class BotTexts
{
    public const string Fallback = "en";
    private readonly Dictionary<string, TextSet> _sets;

    public BotTexts()
    {
        var assembly = typeof(BotTexts).Assembly;
        var byLanguage = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var language in Languages.All.Select(l => l.Code))
        {
            var resource = $"{typeof(BotTexts).Namespace}.{language}.json";
            using var stream = assembly.GetManifestResourceStream(resource);
            if (stream is not null)
                byLanguage[language] = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
        }
        if (!byLanguage.TryGetValue(Fallback, out var english))
            throw new InvalidOperationException($"The English bot texts ({Fallback}.json) are missing from {assembly.GetName().Name}.");

        _sets = byLanguage.ToDictionary(p => p.Key, p => new TextSet(p.Key, p.Value, english), StringComparer.Ordinal);
    }

    public TextSet For(string? language) =>
        language is not null && _sets.TryGetValue(language, out var set) ? set : _sets[Fallback];

    public bool Has(string language) => _sets.ContainsKey(language);

    internal IReadOnlyDictionary<string, string> Raw(string language) => _sets[language].Own;
}

/// <summary>The texts of one language.</summary>
public sealed class TextSet
{
    private readonly IReadOnlyDictionary<string, string> _fallback;

    public TextSet(string language, IReadOnlyDictionary<string, string> own, IReadOnlyDictionary<string, string> fallback)
    {
        Language = language;
        Own = own;
        _fallback = fallback;
    }

    public string Language { get; }
    internal IReadOnlyDictionary<string, string> Own { get; }

    public string this[string key] =>
        Own.TryGetValue(key, out var text) || _fallback.TryGetValue(key, out text)
            ? text
            : throw new KeyNotFoundException($"No bot text '{key}'.");

    /// <summary>A text with its {placeholders} filled in.</summary>
    public string Format(string key, params (string Name, string Value)[] values)
    {
        var text = this[key];
        foreach (var (name, value) in values)
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }
}
