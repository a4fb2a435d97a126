using KokkaBot.Knowledge.Content;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KokkaBot.Knowledge.Search;

/// <summary>Accuracy of one language: how often the right entry came first, or among the first three.</summary>
public sealed record LanguageAccuracy(string Language, int Questions, int Top1, int Top3)
{
    public double Top1Rate => Questions == 0 ? 0 : (double)Top1 / Questions;
    public double Top3Rate => Questions == 0 ? 0 : (double)Top3 / Questions;
}

/// <summary>A question the search got wrong: for the report and for whoever tunes the search.</summary>
public sealed record EvaluationMiss(EvaluationQuestion Question, IReadOnlyList<string> Got, SearchVerdict Verdict);

public sealed record EvaluationReport(IReadOnlyList<LanguageAccuracy> Languages, IReadOnlyList<EvaluationMiss> Misses, int OffTopic, int OffTopicRefused)
{
    public LanguageAccuracy For(string language) => Languages.FirstOrDefault(l => l.Language == language) ?? new LanguageAccuracy(language, 0, 0, 0);

    public string Format()
    {
        var lines = new List<string> { "language  questions  top-1    top-3" };
        lines.AddRange(Languages.Select(l => $"{l.Language,-8}  {l.Questions,9}  {l.Top1Rate,6:P0}  {l.Top3Rate,6:P0}"));
        var all = Languages.Aggregate((0, 0, 0), (s, l) => (s.Item1 + l.Questions, s.Item2 + l.Top1, s.Item3 + l.Top3));
        if (all.Item1 > 0)
            lines.Add($"{"all",-8}  {all.Item1,9}  {(double)all.Item2 / all.Item1,6:P0}  {(double)all.Item3 / all.Item1,6:P0}");
        if (OffTopic > 0)
            lines.Add($"off-topic questions answered with \"I don't know\": {OffTopicRefused} of {OffTopic}");
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>Runs the labelled questions through the search and counts how often the right entry comes first.</summary>
public static class SearchEvaluation
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<EvaluationQuestion> Parse(string yaml) =>
        Deserializer.Deserialize<List<EvaluationQuestion>>(yaml) ?? [];

    public static EvaluationReport Run(KnowledgeIndex index, IEnumerable<EvaluationQuestion> questions)
    {
        var misses = new List<EvaluationMiss>();
        var counts = new Dictionary<string, (int Questions, int Top1, int Top3)>();
        int offTopic = 0, refused = 0;
        foreach (var question in questions)
        {
            var result = index.Search(new SearchRequest(question.Question, question.Language, question.Town) { Max = 3 });
            var slugs = result.Hits.Select(h => h.Slug).ToList();
            if (question.ExpectsNoAnswer)
            {
                offTopic++;
                if (result.Verdict == SearchVerdict.NoAnswer)
                    refused++;
                else
                    misses.Add(new EvaluationMiss(question, slugs, result.Verdict));
                continue;
            }
            var (n, top1, top3) = counts.GetValueOrDefault(question.Language);
            var first = slugs.Count > 0 && question.IsRight(slugs[0]);
            var inThree = slugs.Any(question.IsRight);
            counts[question.Language] = (n + 1, top1 + (first ? 1 : 0), top3 + (inThree ? 1 : 0));
            if (!first)
                misses.Add(new EvaluationMiss(question, slugs, result.Verdict));
        }
        var languages = Model.Vocabulary.Languages
            .Where(counts.ContainsKey)
            .Select(l => new LanguageAccuracy(l, counts[l].Questions, counts[l].Top1, counts[l].Top3))
            .ToList();
        return new EvaluationReport(languages, misses, offTopic, refused);
    }
}
