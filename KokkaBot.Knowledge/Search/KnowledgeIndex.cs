using System.Globalization;
using KokkaBot.Knowledge.Model;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace KokkaBot.Knowledge.Search;

/// <summary>What to look for, in which language, for whom.</summary>
public sealed record SearchRequest(string Query, string Language, string? Town = null)
{
    public EntryKind? Kind { get; init; }
    public string? Category { get; init; }

    /// <summary>Coordinators search drafts and archived entries too; the bot only what is published.</summary>
    public bool IncludeUnpublished { get; init; }

    public int Max { get; init; } = 5;

    /// <summary>Explain each hit (for coordinators; costs a little).</summary>
    public bool Explain { get; init; }
}

/// <summary>One entry found, how sure we are, the passage that matched, and why (for coordinators).</summary>
public sealed record SearchHit(string Slug, double Score, double Coverage, string? Snippet, IReadOnlyList<string> Why);

public enum SearchVerdict
{
    /// <summary>The first hit answers the question.</summary>
    Answer,

    /// <summary>Two hits are about as good: ask which one the user means.</summary>
    Clarify,

    /// <summary>Nothing answers well: say so and offer a person.</summary>
    NoAnswer,
}

public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, SearchVerdict Verdict)
{
    public SearchHit? Best => Hits.Count > 0 ? Hits[0] : null;
}

/// <summary>When a first hit counts as an answer; calibrated on the evaluation set (see Evaluation/README.md).</summary>
public sealed record SearchThresholds
{
    /// <summary>Share of the question's words the first hit must match.</summary>
    public double MinCoverage { get; init; } = 0.5;

    /// <summary>Lowest score of a first hit that counts as an answer.</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>A second hit scoring at least this share of the first asks the user to choose.</summary>
    public double ClarifyRatio { get; init; } = 0.92;
}

/// <summary>
/// The search index of the knowledge base (Lucene.NET): one document per entry with fields per
/// language, kept in step with every change. Thread-safe: searches run in parallel with updates.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const string SlugField = "slug";
    private const string StatusField = "status";
    private const string KindField = "kind";
    private const string CategoryField = "category";
    private const string TownField = "town";
    private const string NationalTown = "*";
    private const string KeywordsAll = "kw_all";
    private const string FinnishPrefix = "fi_prefix";
    private const string TrigramField = "tri";
    private const int Candidates = 20;

    private static readonly string[] TextParts = ["title", "kw", "summary", "body"];
    private static readonly Dictionary<string, float> PartBoost = new() { ["title"] = 3f, ["kw"] = 3f, ["summary"] = 1.5f, ["body"] = 1f };

    private readonly LuceneDirectory _directory;
    private readonly Dictionary<string, Analyzer> _languageAnalyzers;
    private readonly Analyzer _universal = Analysis.Universal();
    private readonly Analyzer _trigrams = Analysis.Trigrams();
    private readonly PerFieldAnalyzerWrapper _indexAnalyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Dictionary<string, KnowledgeEntry> _entries = new(StringComparer.Ordinal);
    private readonly ReaderWriterLockSlim _entriesLock = new();

    public KnowledgeIndex(string? path = null, SearchThresholds? thresholds = null)
    {
        Thresholds = thresholds ?? new SearchThresholds();
        _directory = path is null ? new RAMDirectory() : FSDirectory.Open(path);
        _languageAnalyzers = Vocabulary.Languages.ToDictionary(l => l, Analysis.ForLanguage);
        var perField = new Dictionary<string, Analyzer>
        {
            [KeywordsAll] = _universal,
            [FinnishPrefix] = Analysis.FinnishPrefixes(),
            [TrigramField] = _trigrams,
        };
        foreach (var language in Vocabulary.Languages)
            foreach (var part in TextParts)
                perField[FieldName(part, language)] = _languageAnalyzers[language];
        _indexAnalyzer = new PerFieldAnalyzerWrapper(_universal, perField);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Analysis.Version, _indexAnalyzer) { OpenMode = OpenMode.CREATE });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new SearcherFactory());
    }

    public SearchThresholds Thresholds { get; set; }

    public int Count
    {
        get
        {
            _entriesLock.EnterReadLock();
            try { return _entries.Count; }
            finally { _entriesLock.ExitReadLock(); }
        }
    }

    /// <summary>Replaces the whole index with these entries.</summary>
    public void Rebuild(IEnumerable<KnowledgeEntry> entries)
    {
        _writer.DeleteAll();
        _entriesLock.EnterWriteLock();
        try
        {
            _entries.Clear();
            foreach (var entry in entries)
            {
                _entries[entry.Slug] = entry;
                _writer.AddDocument(ToDocument(entry));
            }
        }
        finally
        {
            _entriesLock.ExitWriteLock();
        }
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Adds or replaces one entry; searches see it as soon as this returns.</summary>
    public void Upsert(KnowledgeEntry entry, string? previousSlug = null)
    {
        _entriesLock.EnterWriteLock();
        try
        {
            if (previousSlug is not null && previousSlug != entry.Slug)
            {
                _entries.Remove(previousSlug);
                _writer.DeleteDocuments(new Term(SlugField, previousSlug));
            }
            _entries[entry.Slug] = entry;
            _writer.UpdateDocument(new Term(SlugField, entry.Slug), ToDocument(entry));
        }
        finally
        {
            _entriesLock.ExitWriteLock();
        }
        _searchers.MaybeRefreshBlocking();
    }

    public void Remove(string slug)
    {
        _entriesLock.EnterWriteLock();
        try
        {
            _entries.Remove(slug);
            _writer.DeleteDocuments(new Term(SlugField, slug));
        }
        finally
        {
            _entriesLock.ExitWriteLock();
        }
        _searchers.MaybeRefreshBlocking();
    }

    public KnowledgeEntry? Find(string slug)
    {
        _entriesLock.EnterReadLock();
        try { return _entries.GetValueOrDefault(slug); }
        finally { _entriesLock.ExitReadLock(); }
    }

    public SearchResult Search(SearchRequest request)
    {
        var language = Vocabulary.IsLanguage(request.Language) ? request.Language : "en";
        var tokens = Analysis.Terms(_universal, KeywordsAll, request.Query).Distinct(StringComparer.Ordinal).Take(16).ToList();
        if (tokens.Count == 0)
            return new SearchResult([], SearchVerdict.NoAnswer);

        var rawWords = request.Query.Split((char[])[' ', ',', '.', '?', '!', ';', ':', '\n', '\t', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var tokenQueries = tokens.Select((token, i) => TokenQuery(token, i < rawWords.Length ? rawWords[i] : token, language)).Where(q => q is not null).Cast<Query>().ToList();
        if (tokenQueries.Count == 0)
            return new SearchResult([], SearchVerdict.NoAnswer);

        var text = new BooleanQuery { MinimumNumberShouldMatch = 1 };
        foreach (var tokenQuery in tokenQueries)
            text.Add(tokenQuery, Occur.SHOULD);
        var query = new BooleanQuery { { text, Occur.MUST } };
        if (!request.IncludeUnpublished)
            query.Add(Filter(StatusField, "published"), Occur.MUST);
        if (request.Kind is { } kind)
            query.Add(Filter(KindField, kind.ToString().ToLowerInvariant()), Occur.MUST);
        if (request.Category is { } category)
            query.Add(Filter(CategoryField, category), Occur.MUST);

        // A place named in the question wins over the asker's own town: a Kotka student may ask about Imatra.
        var place = Places.Towns.NamedIn(rawWords) is { } named
            ? new Place([named.Slug], Named: true)
            : Places.Towns.RegionNamedIn(request.Query) is { } region
                ? new Place(region, Named: true)
                : request.Town is { } home ? new Place([home], Named: false) : null;
        var wantsWork = rawWords.Any(IsWorkWord);

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(query, Math.Max(Candidates, request.Max));
            var ranked = top.ScoreDocs
                .Select(hit => (Hit: hit, Stored: searcher.Doc(hit.Doc)))
                .Select(h => (Doc: h.Hit.Doc, Slug: h.Stored.Get(SlugField, CultureInfo.InvariantCulture), Score: h.Hit.Score * PlaceFactor(h.Stored, place) * IntentFactor(h.Stored, wantsWork)))
                .OrderByDescending(h => h.Score)
                .Take(request.Max)
                .ToList();
            if (ranked.Count == 0)
                return new SearchResult([], SearchVerdict.NoAnswer);

            var hits = new List<SearchHit>(ranked.Count);
            for (var i = 0; i < ranked.Count; i++)
            {
                var (doc, slug, score) = ranked[i];
                // Coverage is measured for the first hits only: it decides the verdict and the clarifying choice.
                var coverage = i < 2 ? tokenQueries.Count(q => searcher.Explain(q, doc).IsMatch) / (double)tokenQueries.Count : 0;
                var why = request.Explain ? Why(searcher.Explain(query, doc)) : [];
                hits.Add(new SearchHit(slug, score, coverage, Snippet(slug, language, text), why));
            }
            return new SearchResult(hits, Verdict(hits));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private SearchVerdict Verdict(List<SearchHit> hits)
    {
        var best = hits[0];
        if (best.Score < Thresholds.MinScore || best.Coverage < Thresholds.MinCoverage)
            return SearchVerdict.NoAnswer;
        if (hits.Count > 1 && hits[1].Score >= best.Score * Thresholds.ClarifyRatio && hits[1].Coverage >= Thresholds.MinCoverage)
            return SearchVerdict.Clarify;
        return SearchVerdict.Answer;
    }

    /// <summary>
    /// One word of the question, as every field would index it: stemmed in the user's language (and
    /// English and Finnish, which everyone mixes in), as a keyword in any language, with a typo, as a
    /// Finnish prefix, and as three-letter pieces. The best of these counts, once per word.
    /// </summary>
    private DisjunctionMaxQuery? TokenQuery(string token, string raw, string language)
    {
        if (Analysis.IsQuestionWord(token) || Analysis.IsQuestionWord(raw.ToLowerInvariant()))
            return null;
        var alternatives = new DisjunctionMaxQuery(0.1f);
        var languages = new List<(string Language, float Weight)> { (language, 1f) };
        if (language != "en")
            languages.Add(("en", 0.6f));
        if (language != "fi")
            languages.Add(("fi", 0.6f));

        foreach (var (lang, weight) in languages)
        {
            foreach (var stem in Analysis.Terms(_languageAnalyzers[lang], FieldName("body", lang), raw))
            {
                foreach (var part in TextParts)
                    alternatives.Add(new TermQuery(new Term(FieldName(part, lang), stem)) { Boost = PartBoost[part] * weight });
            }
        }

        var stopWord = Analysis.Terms(_languageAnalyzers[language], FieldName("body", language), raw).Count == 0;
        if (stopWord && language != "uk")
            return null;

        alternatives.Add(new TermQuery(new Term(KeywordsAll, token)) { Boost = 2.5f });
        if (token.Length >= 5)
            alternatives.Add(new FuzzyQuery(new Term(KeywordsAll, token), token.Length >= 8 ? 2 : 1, prefixLength: 1, maxExpansions: 16, transpositions: true) { Boost = 1.2f });
        if (Analysis.FinnishPrefixKey(raw) is { } prefix)
            alternatives.Add(new TermQuery(new Term(FinnishPrefix, prefix)) { Boost = 1.5f });

        var grams = Analysis.Terms(_trigrams, TrigramField, token).Distinct(StringComparer.Ordinal).ToList();
        if (grams.Count >= 2)
        {
            var pieces = new BooleanQuery { MinimumNumberShouldMatch = Math.Max(2, (int)Math.Ceiling(grams.Count * 0.6)), Boost = 0.6f };
            foreach (var gram in grams)
                pieces.Add(new TermQuery(new Term(TrigramField, gram)), Occur.SHOULD);
            alternatives.Add(pieces);
        }
        return alternatives;
    }

    /// <summary>Where the question is about: towns named in it, or the asker's own town.</summary>
    private sealed record Place(IReadOnlyList<string> Towns, bool Named);

    /// <summary>
    /// Entries of the place asked about come first, the ones matching it most exactly most (a town's own
    /// entry over its region's); national entries count as local. A place named in the question weighs
    /// more than the asker's home town. Without any place, national entries go before local ones.
    /// </summary>
    private static double PlaceFactor(Document stored, Place? place)
    {
        var towns = stored.GetValues(TownField, CultureInfo.InvariantCulture);
        if (towns.Contains(NationalTown))
            return place is { Named: true } ? 0.85 : 1.0;
        if (place is null)
            return 0.85;
        if (!place.Towns.Any(towns.Contains))
            return place.Named ? 0.5 : 0.7;
        var exact = towns.Length == place.Towns.Count && place.Towns.All(towns.Contains);
        return (exact, place.Named) switch
        {
            (true, true) => 1.8,
            (true, false) => 1.4,
            (false, true) => 1.4,
            (false, false) => 1.2,
        };
    }

    /// <summary>Employers answer questions about work; for other questions a service or a guide is the better answer.</summary>
    private static double IntentFactor(Document stored, bool wantsWork) =>
        stored.Get(KindField, CultureInfo.InvariantCulture) == "employer"
            ? (wantsWork ? 1.25 : 0.8)
            : 1.0;

    private static readonly string[] WorkWords =
    [
        "job", "jobs", "work", "working", "career", "careers", "vacancy", "vacancies", "hiring", "recruit", "employer", "nurse", "internship", "trainee",
        "työ", "töitä", "työt", "työpaik", "rekry", "harjoittel", "kesätyö", "hoitaja",
        "jobb", "arbete", "работ", "вакан", "робот", "ваканс", "عمل", "وظيف",
    ];

    private static bool IsWorkWord(string word)
    {
        var lower = word.ToLowerInvariant();
        return WorkWords.Any(w => lower.StartsWith(w, StringComparison.Ordinal));
    }

    private string? Snippet(string slug, string language, Query query)
    {
        var entry = Find(slug);
        var text = entry?.Text(language) is { IsComplete: true } own ? own : entry?.Text("en");
        if (text?.Body is null)
            return null;
        var field = FieldName("body", text.Language);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("**", "**"), new QueryScorer(query, field)) { TextFragmenter = new SimpleFragmenter(160) };
        try
        {
            return highlighter.GetBestFragment(_languageAnalyzers[text.Language], field, text.Body) ?? text.Summary;
        }
        catch (InvalidTokenOffsetsException)
        {
            return text.Summary;
        }
    }

    /// <summary>Readable reasons from Lucene's explanation: which field matched which term.</summary>
    private static List<string> Why(Explanation explanation)
    {
        var reasons = new List<string>();
        void Walk(Explanation e)
        {
            if (e.Description.StartsWith("weight(", StringComparison.Ordinal) && e.IsMatch)
            {
                var inner = e.Description["weight(".Length..];
                var end = inner.IndexOf(" in ", StringComparison.Ordinal);
                reasons.Add($"{(end > 0 ? inner[..end] : inner)} ({e.Value.ToString("0.00", CultureInfo.InvariantCulture)})");
                return;
            }
            foreach (var detail in e.GetDetails() ?? [])
                Walk(detail);
        }
        Walk(explanation);
        return reasons.Distinct(StringComparer.Ordinal).Take(12).ToList();
    }

    private static Document ToDocument(KnowledgeEntry entry)
    {
        var doc = new Document
        {
            new StringField(SlugField, entry.Slug, Field.Store.YES),
            new StringField(StatusField, entry.Status.ToString().ToLowerInvariant(), Field.Store.NO),
            new StringField(KindField, entry.Kind.ToString().ToLowerInvariant(), Field.Store.YES),
            new StringField(CategoryField, entry.Category, Field.Store.NO),
        };
        if (entry.IsNational)
            doc.Add(new StringField(TownField, NationalTown, Field.Store.YES));
        foreach (var town in entry.Towns)
            doc.Add(new StringField(TownField, town, Field.Store.YES));

        var trigrams = new List<string>();
        foreach (var text in entry.Texts.Where(t => Vocabulary.IsLanguage(t.Language)))
        {
            Add(doc, FieldName("title", text.Language), text.Title);
            Add(doc, FieldName("summary", text.Language), text.Summary);
            Add(doc, FieldName("body", text.Language), text.Body);
            var keywords = string.Join(" , ", text.Keywords);
            Add(doc, FieldName("kw", text.Language), keywords);
            Add(doc, KeywordsAll, keywords);
            Add(doc, KeywordsAll, text.Title);
            if (text.Language == "fi")
                Add(doc, FinnishPrefix, $"{text.Title} {keywords}");
            trigrams.Add(text.Title ?? "");
            trigrams.Add(keywords);
        }
        Add(doc, FinnishPrefix, entry.Slug.Replace('-', ' '));
        Add(doc, TrigramField, string.Join(" ", trigrams));
        return doc;
    }

    /// <summary>A condition that narrows the results without changing their scores.</summary>
    private static ConstantScoreQuery Filter(string field, string value) =>
        new(new TermQuery(new Term(field, value))) { Boost = 0f };

    private static void Add(Document doc, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
            doc.Add(new TextField(field, text, Field.Store.NO));
    }

    private static string FieldName(string part, string language) => $"{part}_{language}";

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _entriesLock.Dispose();
        _indexAnalyzer.Dispose();
        foreach (var analyzer in _languageAnalyzers.Values)
            analyzer.Dispose();
        _universal.Dispose();
        _trigrams.Dispose();
    }
}
