using System.Collections.Concurrent;
using KokkaBot.Knowledge.Search;

namespace KokkaBot.Answers;

/// <summary>
/// The bot's searches, remembered until the knowledge base changes: students ask the same things
/// ("verokortti", "kela card") again and again. A result found before an edit is never served after it.
/// </summary>
public sealed class AnswerCache(KnowledgeIndex index)
{
    private const int MaxResults = 4096;
    private readonly ConcurrentDictionary<SearchRequest, (long Generation, SearchResult Result)> _results = new();

    public SearchResult Search(SearchRequest request)
    {
        // Read before searching: if the index changes meanwhile, this result is already stale.
        var generation = index.Generation;
        if (_results.TryGetValue(request, out var cached) && cached.Generation == generation)
            return cached.Result;
        var result = index.Search(request);
        if (_results.Count >= MaxResults)
            _results.Clear();
        _results[request] = (generation, result);
        return result;
    }
}
