using YamlDotNet.Serialization;

namespace KokkaBot.ServicePaths;

/// <summary>
/// The texts of the service paths, from <c>dialogs/texts/{language}.yaml</c>: flat maps of key → text.
/// English and Finnish must hold every key a path uses; other languages fall back to English.
/// </summary>
public sealed class PathTexts
{
    public const string Fallback = "en";
    public static IReadOnlyList<string> CompleteLanguages { get; } = ["en", "fi"];

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _byLanguage;

    public PathTexts(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byLanguage)
    {
        _byLanguage = byLanguage.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (!_byLanguage.ContainsKey(Fallback))
            throw new InvalidOperationException($"dialogs/texts/{Fallback}.yaml is missing.");
    }

    public static PathTexts FromDirectory(string directory)
    {
        var deserializer = new DeserializerBuilder().Build();
        var byLanguage = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml"))
        {
            try
            {
                byLanguage[Path.GetFileNameWithoutExtension(file)] =
                    deserializer.Deserialize<Dictionary<string, string>?>(File.ReadAllText(file)) ?? [];
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new ServicePathException($"texts/{Path.GetFileName(file)}", (int)e.Start.Line, $"Not a map of key: text. {e.InnerException?.Message ?? e.Message}");
            }
        }
        return new PathTexts(byLanguage);
    }

    public IEnumerable<string> Languages => _byLanguage.Keys;

    public bool Has(string language, string key) =>
        _byLanguage.TryGetValue(language, out var texts) && texts.ContainsKey(key);

    public IReadOnlyCollection<string> Keys(string language) =>
        _byLanguage.TryGetValue(language, out var texts) ? texts.Keys.ToList() : [];

    /// <summary>The text in the language, else in English.</summary>
    public string Get(string language, string key) =>
        _byLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text)
            ? text
            : _byLanguage[Fallback].TryGetValue(key, out text)
                ? text
                : throw new KeyNotFoundException($"No path text '{key}'.");
}
