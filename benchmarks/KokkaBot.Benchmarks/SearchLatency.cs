using System.Diagnostics;
using KokkaBot.Knowledge.Search;

namespace KokkaBot.Benchmarks;

/// <summary>
/// The latency of every single query, for p50/p99 (BenchmarkDotNet reports per-iteration averages):
/// <c>dotnet run -c Release --project benchmarks/KokkaBot.Benchmarks -- search-latency [entries] [queries]</c>.
/// </summary>
public static class SearchLatency
{
    public static void Run(int entries, int queries)
    {
        var build = Stopwatch.StartNew();
        var synthetic = SyntheticKnowledge.Build(entries);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var index = new KnowledgeIndex();
        build.Restart();
        index.Rebuild(synthetic);
        build.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"index of {entries:N0} entries built in {build.Elapsed.TotalSeconds:F1} s; managed memory held: {(after - before) / 1024.0 / 1024.0:F0} MB");

        // The same labelled questions as at 185 entries, counting a copy of the right entry as right:
        // speed bought by skipping work must not cost answers at this size either.
        var labelled = KokkaBot.Knowledge.Content.KnowledgeContent.LoadEvaluation().Where(q => !q.ExpectsNoAnswer).ToList();
        var seedCount = KokkaBot.Knowledge.Content.KnowledgeContent.LoadSeed().Entries.Count;
        var right = labelled.Count(q => index.Search(new SearchRequest(q.Question, q.Language, q.Town) { Max = 1 }).Best is { } best
            && q.IsRight(SyntheticKnowledge.SourceOf(best.Slug, seedCount)));
        Console.WriteLine($"top-1 accuracy of the {labelled.Count} labelled questions at this size: {(double)right / labelled.Count:P0}");

        var questions = SyntheticKnowledge.Questions();
        for (var i = 0; i < 2000; i++)
            Ask(index, questions[i % questions.Count]);

        Measure("the bot's question (5 hits, no snippets)", index, questions, queries, q => new SearchRequest(q.Question, q.Language, q.Town) { Max = 5, Snippets = false });
        Measure("a coordinator's search (3 hits with snippets)", index, questions, queries, q => new SearchRequest(q.Question, q.Language, q.Town) { Max = 3 });
    }

    private static void Measure(string what, KnowledgeIndex index, List<(string Question, string Language, string? Town)> questions, int queries,
        Func<(string Question, string Language, string? Town), SearchRequest> request)
    {
        var samples = new double[queries];
        var perQuestion = new List<double>[questions.Count];
        for (var i = 0; i < queries; i++)
        {
            var start = Stopwatch.GetTimestamp();
            index.Search(request(questions[i % questions.Count]));
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            (perQuestion[i % questions.Count] ??= []).Add(samples[i]);
        }
        Array.Sort(samples);
        double P(double q) => samples[Math.Min(samples.Length - 1, (int)(q * samples.Length))];
        Console.WriteLine($"{what}, {queries:N0} queries: p50 {P(0.50):F2} ms, p90 {P(0.90):F2} ms, p99 {P(0.99):F2} ms, max {samples[^1]:F2} ms");
        Console.WriteLine("  slowest questions (median of their runs):");
        foreach (var (question, median) in questions
            .Select((q, i) => (q, Median: perQuestion[i] is { Count: > 0 } runs ? runs.Order().ElementAt(runs.Count / 2) : 0))
            .OrderByDescending(x => x.Median)
            .Take(5))
            Console.WriteLine($"    {median,6:F2} ms  [{question.Language}] {question.Question}");
    }

    private static SearchResult Ask(KnowledgeIndex index, (string Question, string Language, string? Town) q) =>
        index.Search(new SearchRequest(q.Question, q.Language, q.Town) { Max = 3 });
}
