using BenchmarkDotNet.Attributes;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Search;

namespace KokkaBot.Benchmarks;

/// <summary>Searching a knowledge base of 50,000 entries in six languages with the real questions.</summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private KnowledgeIndex _index = null!;
    private List<(string Question, string Language, string? Town)> _questions = null!;
    private int _next;

    [Params(50_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = new KnowledgeIndex();
        _index.Rebuild(SyntheticKnowledge.Build(Entries));
        _questions = SyntheticKnowledge.Questions();
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    [Benchmark(Description = "one question (rotating over the labelled set)")]
    public SearchResult Query()
    {
        var (question, language, town) = _questions[_next++ % _questions.Count];
        return _index.Search(new SearchRequest(question, language, town) { Max = 3 });
    }
}

/// <summary>Building the whole index, and the memory it holds.</summary>
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    private List<KnowledgeEntry> _entries = null!;

    [Params(50_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => _entries = SyntheticKnowledge.Build(Entries);

    [Benchmark(Description = "build the index")]
    public int Build()
    {
        using var index = new KnowledgeIndex();
        index.Rebuild(_entries);
        return index.Count;
    }
}
