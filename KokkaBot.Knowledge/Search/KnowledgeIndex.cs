using System.Globalization;
using KokkaBot.Knowledge.Model;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
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

    /// <summary>The passage of each hit that matched, for coordinators' lists; the bot shows an entry's summary instead.</summary>
    public bool Snippets { get; init; } = true;
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
    private const string KeywordsAll = "kw_all";
    private const string FinnishPrefix = "fi_prefix";
    private const string TrigramField = "tri";
    private const int Candidates = 20;

    /// <summary>A word in more than this share of the entries is common: it ranks, it does not find.</summary>
    private const double CommonShare = 0.1;

    /// <summary>
    /// In a small index no word is common: a word in 3 of 5 entries still tells them apart, and
    /// skipping frequent words only pays where their lists are long.
    /// </summary>
    private const int CommonFloor = 100;

    /// <summary>Title and keywords: what an entry is about, weighed most.</summary>
    private const string Head = "head";

    /// <summary>Everything the entry says in a language.</summary>
    private const string Text = "text";

    private readonly LuceneDirectory _directory;
    private readonly CachingWrapperFilter _publishedOnly = new(new QueryWrapperFilter(new TermQuery(new Term(StatusField, "published"))));
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
        _directory = path is null
            ? new InMemoryIndexDirectory()
            : FSDirectory.Open(path);
        _languageAnalyzers = Vocabulary.Languages.ToDictionary(l => l, Analysis.ForLanguage);
        var perField = new Dictionary<string, Analyzer>
        {
            [KeywordsAll] = _universal,
            [FinnishPrefix] = Analysis.FinnishPrefixes(),
            [TrigramField] = _trigrams,
        };
        foreach (var language in Vocabulary.Languages)
        {
            perField[FieldName(Head, language)] = _languageAnalyzers[language];
            perField[FieldName(Text, language)] = _languageAnalyzers[language];
        }
        _indexAnalyzer = new PerFieldAnalyzerWrapper(_universal, perField);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Analysis.Version, _indexAnalyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
            // Compound files read every block through a shared, locked file handle: a third of query
            // time at 50,000 entries. The index lives in memory, so the file count does not matter.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
        });
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
                _entries[entry.Slug] = entry;
            // Analysis is most of the work, and the writer takes documents from several threads.
            Parallel.ForEach(_entries.Values, entry => _writer.AddDocument(ToDocument(entry)));
        }
        finally
        {
            _entriesLock.ExitWriteLock();
        }
        // One segment: every word of every question is looked up once instead of once per segment.
        _writer.ForceMerge(1);
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
        Interlocked.Increment(ref _generation);
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
        Interlocked.Increment(ref _generation);
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
        Interlocked.Increment(ref _generation);
    }

    public KnowledgeEntry? Find(string slug)
    {
        _entriesLock.EnterReadLock();
        try { return _entries.GetValueOrDefault(slug); }
        finally { _entriesLock.ExitReadLock(); }
    }

    /// <summary>
    /// Published entries of a category and kind for a town: the town's own first, then regional and
    /// national ones; other towns' entries are left out. A guided path lists entries this way.
    /// </summary>
    public IReadOnlyList<KnowledgeEntry> Browse(string? category, EntryKind? kind, string? town, int max)
    {
        _entriesLock.EnterReadLock();
        try
        {
            return _entries.Values
                .Where(e => e.Status == EntryStatus.Published
                    && (category is null || e.Category == category)
                    && (kind is null || e.Kind == kind)
                    && (e.IsNational || town is null || e.Towns.Contains(town)))
                .OrderBy(e => e.IsNational ? 2 : e.Towns.Count == 1 ? 0 : 1)
                .ThenBy(e => e.Slug, StringComparer.Ordinal)
                .Take(max)
                .ToList();
        }
        finally { _entriesLock.ExitReadLock(); }
    }

    private long _generation;

    /// <summary>Changes whenever the index does: a result found at one generation is stale at the next.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public SearchResult Search(SearchRequest request)
    {
        var language = Vocabulary.IsLanguage(request.Language) ? request.Language : "en";
        var rawWords = request.Query.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
        var words = rawWords
            .Select(raw => (Raw: raw, Token: Analysis.Terms(_universal, KeywordsAll, raw).FirstOrDefault()))
            .Where(w => w.Token is not null)
            .DistinctBy(w => w.Token)
            .Take(16)
            .ToList();

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
            var common = Math.Max(CommonFloor, (int)(searcher.IndexReader.MaxDoc * CommonShare));
            // Each word is rewritten once (typo expansion included) and then reused for scoring,
            // coverage and highlighting.
            var wordQueries = words
                .Select(w => TokenQuery(searcher.IndexReader, w.Token!, w.Raw, language, common))
                .OfType<WordQuery>()
                .Select(w => w with { Query = searcher.Rewrite(w.Query) })
                .ToList();
            if (wordQueries.Count == 0)
                return new SearchResult([], SearchVerdict.NoAnswer);

            var narrowing = Narrowing(request);
            var wanted = Math.Max(Candidates, request.Max);
            var needed = Math.Max(1, (int)Math.Ceiling(wordQueries.Count * Thresholds.MinCoverage));
            // Entries with all the words come first anyway; when there are enough of them, entries with
            // fewer need not be scored at all. Otherwise half of the words (rare ones first), else any.
            Query query = null!;
            TopDocs top = null!;
            foreach (var tier in new[] { wordQueries.Count, needed, 1 }.Distinct())
            {
                // The last resort takes any word, common ones too: better a weak hit than none.
                query = tier == wordQueries.Count || tier == 1 ? Group(wordQueries, tier) : Words(wordQueries, tier, common);
                top = searcher.Search(query, narrowing, wanted);
                if (top.TotalHits >= (tier == wordQueries.Count ? wanted : 1))
                    break;
            }
            var ranked = top.ScoreDocs
                .Select(hit =>
                {
                    var slug = Slug(searcher.IndexReader, hit.Doc);
                    var entry = Find(slug);
                    return (Doc: hit.Doc, Slug: slug, Score: hit.Score * PlaceFactor(entry, place) * IntentFactor(entry, wantsWork));
                })
                .OrderByDescending(h => h.Score)
                .Take(request.Max)
                .ToList();
            if (ranked.Count == 0)
                return new SearchResult([], SearchVerdict.NoAnswer);

            var weights = wordQueries.Select(w => searcher.CreateNormalizedWeight(w.Query)).ToList();
            var hits = new List<SearchHit>(ranked.Count);
            for (var i = 0; i < ranked.Count; i++)
            {
                var (doc, slug, score) = ranked[i];
                // Coverage decides the verdict and the clarifying choice: the first two hits need it.
                var coverage = i < 2 ? Coverage(searcher.IndexReader, weights, doc) : 0;
                var why = request.Explain ? Why(searcher.Explain(query, doc)) : [];
                hits.Add(new SearchHit(slug, score, coverage, request.Snippets ? Snippet(slug, language, words.Select(w => w.Raw)) : null, why));
            }
            return new SearchResult(hits, Verdict(hits));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The question as one query. A first hit needs <paramref name="needed"/> of the words to count as
    /// an answer, so documents with fewer are skipped by the scorer rather than scored and thrown away.
    /// Words found in a large share of the entries ("student", "palvelu") only add to the score of
    /// entries that rarer words found: walking their long lists was most of a long question's cost.
    /// </summary>
    private static BooleanQuery Words(List<WordQuery> words, int needed, int common)
    {
        var rare = words.Where(w => w.Frequency <= common).ToList();
        if (rare.Count == 0 || rare.Count == words.Count)
            return Group(words, needed);
        var query = new BooleanQuery(disableCoord: false)
        {
            { Group(rare, Math.Max(1, needed - (words.Count - rare.Count))), Occur.MUST },
        };
        foreach (var word in words.Except(rare))
            query.Add(word.Query, Occur.SHOULD);
        return query;
    }

    private static BooleanQuery Group(List<WordQuery> words, int needed)
    {
        var query = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = Math.Min(needed, words.Count) };
        foreach (var word in words)
            query.Add(word.Query, Occur.SHOULD);
        return query;
    }

    /// <summary>One word of the question as a query, and in how many entries its most frequent form is.</summary>
    private sealed record WordQuery(Query Query, int Frequency);

    private static readonly char[] WordSeparators = [' ', ',', '.', '?', '!', ';', ':', '\n', '\t', '/', '(', ')', '"'];

    private SearchVerdict Verdict(List<SearchHit> hits)
    {
        var best = hits[0];
        if (best.Score < Thresholds.MinScore || best.Coverage < Thresholds.MinCoverage)
            return SearchVerdict.NoAnswer;
        if (hits.Count > 1 && hits[1].Score >= best.Score * Thresholds.ClarifyRatio && hits[1].Coverage >= Thresholds.MinCoverage)
            return SearchVerdict.Clarify;
        return SearchVerdict.Answer;
    }

    /// <summary>The share of the question's words that the document matches.</summary>
    private static double Coverage(IndexReader reader, List<Weight> words, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var local = doc - leaf.DocBase;
        var matched = 0;
        foreach (var weight in words)
        {
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is not null && scorer.Advance(local) == local)
                matched++;
        }
        return (double)matched / words.Count;
    }

    /// <summary>
    /// Read from the document's own segment: a merged view over all segments would build an ordinal map
    /// on every call, which cost more than the whole search.
    /// </summary>
    private static string Slug(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var value = new BytesRef();
        leaf.AtomicReader.GetSortedDocValues(SlugField).Get(doc - leaf.DocBase, value);
        return value.Utf8ToString();
    }

    /// <summary>
    /// One word of the question, as the fields index it: stemmed in the user's language (and in English
    /// and Finnish, which everyone mixes in), as a keyword of any language, and as a Finnish prefix. A word
    /// the index does not know (a typo, an unusual form) is also tried with one or two letters wrong and
    /// by its three-letter pieces. The best of these counts, once per word.
    /// </summary>
    private WordQuery? TokenQuery(IndexReader reader, string token, string raw, string language, int common)
    {
        if (Analysis.IsQuestionWord(token) || Analysis.IsQuestionWord(raw.ToLowerInvariant()))
            return null;
        var own = Analysis.Terms(_languageAnalyzers[language], FieldName(Text, language), raw);
        if (own.Count == 0 && language != "uk")
            return null;

        var alternatives = new DisjunctionMaxQuery(0.1f);
        var frequency = 0;
        // Each term is looked up once, here: its statistics serve the query's weights and the frequency.
        void Add(string field, string text, float boost)
        {
            var term = new Term(field, text);
            var states = TermContext.Build(reader.Context, term);
            frequency = Math.Max(frequency, states.DocFreq);
            alternatives.Add(new TermQuery(term, states) { Boost = boost });
        }

        var languages = new List<(string Language, float Weight, List<string> Stems)> { (language, 1f, own) };
        if (language != "en")
            languages.Add(("en", 0.6f, Analysis.Terms(_languageAnalyzers["en"], FieldName(Text, "en"), raw)));
        if (language != "fi")
            languages.Add(("fi", 0.6f, Analysis.Terms(_languageAnalyzers["fi"], FieldName(Text, "fi"), raw)));
        foreach (var (lang, weight, stems) in languages)
        {
            foreach (var stem in stems)
            {
                Add(FieldName(Head, lang), stem, 3f * weight);
                Add(FieldName(Text, lang), stem, 1f * weight);
            }
        }
        Add(KeywordsAll, token, 2.5f);
        if (Analysis.FinnishPrefixKey(raw) is { } prefix)
            Add(FinnishPrefix, prefix, 1.5f);

        if (frequency == 0)
        {
            if (token.Length >= 5)
                alternatives.Add(new FuzzyQuery(new Term(KeywordsAll, token), token.Length >= 8 ? 2 : 1, prefixLength: 1, maxExpansions: 16, transpositions: true) { Boost = 1.2f });
            // Three-letter pieces that are in a large share of the entries tell little and cost a lot.
            var grams = Analysis.Terms(_trigrams, TrigramField, token)
                .Distinct(StringComparer.Ordinal)
                .Select(gram => (Term: new Term(TrigramField, gram), States: TermContext.Build(reader.Context, new Term(TrigramField, gram))))
                .Where(gram => gram.States.DocFreq > 0 && gram.States.DocFreq <= common)
                .ToList();
            if (grams.Count >= 2)
            {
                var pieces = new BooleanQuery { MinimumNumberShouldMatch = Math.Max(2, (int)Math.Ceiling(grams.Count * 0.6)), Boost = 0.6f };
                foreach (var (term, states) in grams)
                    pieces.Add(new TermQuery(term, states), Occur.SHOULD);
                alternatives.Add(pieces);
            }
        }
        return new WordQuery(alternatives, frequency);
    }

    /// <summary>Where the question is about: towns named in it, or the asker's own town.</summary>
    private sealed record Place(IReadOnlyList<string> Towns, bool Named);

    /// <summary>
    /// Entries of the place asked about come first, the ones matching it most exactly most (a town's own
    /// entry over its region's); national entries count as local. A place named in the question weighs
    /// more than the asker's home town. Without any place, national entries go before local ones.
    /// </summary>
    private static double PlaceFactor(KnowledgeEntry? entry, Place? place)
    {
        if (entry is null || entry.IsNational)
            return place is { Named: true } ? 0.85 : 1.0;
        if (place is null)
            return 0.85;
        if (!place.Towns.Any(entry.Towns.Contains))
            return place.Named ? 0.5 : 0.7;
        var exact = entry.Towns.Count == place.Towns.Count && place.Towns.All(entry.Towns.Contains);
        return (exact, place.Named) switch
        {
            (true, true) => 1.8,
            (true, false) => 1.4,
            (false, true) => 1.4,
            (false, false) => 1.2,
        };
    }

    /// <summary>Employers answer questions about work; for other questions a service or a guide is the better answer.</summary>
    private static double IntentFactor(KnowledgeEntry? entry, bool wantsWork) =>
        entry?.Kind == EntryKind.Employer ? (wantsWork ? 1.25 : 0.8) : 1.0;

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

    /// <summary>The passage of the entry's text (in the asker's language, else English) where the question's words are.</summary>
    private string? Snippet(string slug, string language, IEnumerable<string> words)
    {
        var entry = Find(slug);
        var text = entry?.Text(language) is { IsComplete: true } own ? own : entry?.Text("en");
        if (text?.Body is null)
            return null;
        var field = FieldName(Text, text.Language);
        var terms = new BooleanQuery();
        foreach (var stem in words.SelectMany(w => Analysis.Terms(_languageAnalyzers[text.Language], field, w)).Distinct(StringComparer.Ordinal))
            terms.Add(new TermQuery(new Term(field, stem)), Occur.SHOULD);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("**", "**"), new QueryScorer(terms, field)) { TextFragmenter = new SimpleFragmenter(160) };
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
            new StringField(SlugField, entry.Slug, Field.Store.NO),
            new SortedDocValuesField(SlugField, new BytesRef(entry.Slug)),
            new StringField(StatusField, entry.Status.ToString().ToLowerInvariant(), Field.Store.NO),
            new StringField(KindField, entry.Kind.ToString().ToLowerInvariant(), Field.Store.NO),
            new StringField(CategoryField, entry.Category, Field.Store.NO),
        };

        var trigrams = new List<string>();
        foreach (var text in entry.Texts.Where(t => Vocabulary.IsLanguage(t.Language)))
        {
            var keywords = string.Join(" , ", text.Keywords);
            Add(doc, FieldName(Head, text.Language), $"{text.Title} , {keywords}");
            Add(doc, FieldName(Text, text.Language), $"{text.Title} . {text.Summary} . {text.Body} . {keywords}");
            Add(doc, KeywordsAll, $"{text.Title} , {keywords}");
            if (text.Language == "fi")
                Add(doc, FinnishPrefix, $"{text.Title} {keywords}");
            trigrams.Add(text.Title ?? "");
            trigrams.Add(keywords);
        }
        Add(doc, FinnishPrefix, entry.Slug.Replace('-', ' '));
        Add(doc, TrigramField, string.Join(" ", trigrams));
        return doc;
    }

    /// <summary>
    /// What the results are limited to, as a filter: checked per matching document instead of walking
    /// every published document alongside the question's words. The bot's filter is cached per segment.
    /// </summary>
    private Filter? Narrowing(SearchRequest request)
    {
        if (request.Kind is null && request.Category is null)
            return request.IncludeUnpublished ? null : _publishedOnly;
        var conditions = new BooleanQuery();
        if (!request.IncludeUnpublished)
            conditions.Add(new TermQuery(new Term(StatusField, "published")), Occur.MUST);
        if (request.Kind is { } kind)
            conditions.Add(new TermQuery(new Term(KindField, kind.ToString().ToLowerInvariant())), Occur.MUST);
        if (request.Category is { } category)
            conditions.Add(new TermQuery(new Term(CategoryField, category)), Occur.MUST);
        return new QueryWrapperFilter(conditions);
    }

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
