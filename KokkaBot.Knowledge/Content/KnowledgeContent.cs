using KokkaBot.Knowledge.Exchange;

namespace KokkaBot.Knowledge.Content;

/// <summary>The seed content and the evaluation set, embedded in this library from Content/*.yaml and Evaluation/*.yaml.</summary>
public static class KnowledgeContent
{
    private const string ContentPrefix = "KokkaBot.Knowledge.Content.";
    private const string EvaluationPrefix = "KokkaBot.Knowledge.Evaluation.";

    /// <summary>Every seed entry, with the problems of the files they came from (file name in each message).</summary>
    public static (IReadOnlyList<EntryDocument> Entries, IReadOnlyList<string> Problems) LoadSeed()
    {
        var entries = new List<EntryDocument>();
        var problems = new List<string>();
        foreach (var (name, text) in Resources(ContentPrefix))
        {
            using var reader = new StringReader(text);
            var (read, readProblems) = KnowledgeYaml.Read(reader);
            entries.AddRange(read);
            problems.AddRange(readProblems.Select(p => $"{name}{(p.Line is { } line ? $":{line}" : "")} ({p.Slug ?? $"entry {p.Item}"}): {p.Message}"));
        }
        return (entries, problems);
    }

    /// <summary>Every labelled question of the evaluation set.</summary>
    public static IReadOnlyList<EvaluationQuestion> LoadEvaluation() =>
        Resources(EvaluationPrefix).SelectMany(r => Search.SearchEvaluation.Parse(r.Text)).ToList();

    private static IEnumerable<(string Name, string Text)> Resources(string prefix)
    {
        var assembly = typeof(KnowledgeContent).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[prefix.Length..], reader.ReadToEnd());
        }
    }
}

/// <summary>A labelled question: what a student asks and the entry that answers it.</summary>
public sealed record EvaluationQuestion
{
    public string Question { get; init; } = "";
    public string Language { get; init; } = "en";
    public string? Expect { get; init; }
    public List<string> Acceptable { get; init; } = [];
    public string? Town { get; init; }

    /// <summary>True when this question has no answer in the knowledge base (an off-topic question).</summary>
    public bool ExpectsNoAnswer => Expect is null or "none";

    public bool IsRight(string? slug) => slug is not null && (slug == Expect || Acceptable.Contains(slug));
}
