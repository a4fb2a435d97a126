using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace KokkaBot.Knowledge.Search;

/// <summary>
/// How text becomes search terms, per language. Each language has its own stemming; Finnish adds a
/// folding of consonant gradation (asunto/asunnon, verokortti/verokortin) that the Snowball stemmer
/// misses, and a prefix field for long inflected forms (henkilötunnus/henkilötunnuksen).
/// </summary>
public static class Analysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly CharArraySet UkrainianStopWords = new(Version,
        ["і", "й", "та", "в", "у", "на", "з", "із", "до", "що", "як", "це", "чи", "не", "а", "але", "або", "для", "по", "від", "мені", "мене", "я", "ти", "ви", "ми", "де", "коли", "який", "яка", "які", "бути", "є"], ignoreCase: true);

    /// <summary>
    /// Words that carry no topic in a question ("how do I", "missä on", "мне нужно"): a question is
    /// matched on its other words only, so that "where can I learn Finnish" is about learning Finnish.
    /// Applied to questions only; indexed texts keep them.
    /// </summary>
    public static bool IsQuestionWord(string word) => QuestionWords.Contains(word);

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        // English
        "i", "im", "i'm", "me", "my", "mine", "we", "our", "you", "your", "he", "she", "it", "they", "them", "a", "an", "the",
        "do", "does", "did", "doing", "can", "could", "should", "would", "will", "shall", "may", "might", "must",
        "is", "am", "are", "was", "were", "be", "been", "have", "has", "had", "get", "got", "need", "needs", "want", "wants",
        "what", "how", "where", "when", "who", "whom", "which", "why", "there", "here", "this", "that", "these", "those",
        "to", "of", "in", "on", "at", "for", "from", "with", "about", "and", "or", "if", "so", "as", "by", "any", "some",
        "please", "plz", "pls", "hi", "hello", "hey", "thanks", "thank", "tell", "know", "find", "help", "much", "many",
        // Finnish
        "minä", "mä", "mun", "minun", "minulla", "sinä", "hän", "me", "he", "se", "ne", "on", "ole", "olen", "onko", "oli",
        "miten", "kuinka", "missä", "mistä", "mihin", "mikä", "mitä", "mitkä", "kuka", "ketä", "milloin", "miksi", "voinko", "voin", "voiko",
        "haluan", "tarvitsen", "pitää", "täytyy", "saa", "saako", "saanko", "ja", "tai", "jos", "kun", "että", "nyt", "kiitos", "hei", "moi",
        // Swedish
        "jag", "du", "vi", "hur", "var", "vad", "vem", "när", "varför", "kan", "behöver", "vill", "är", "har", "och", "eller", "en", "ett", "min", "mitt",
        // Russian
        "я", "мне", "меня", "мой", "моя", "ты", "вы", "как", "где", "что", "когда", "кто", "почему", "можно", "нужно", "надо", "хочу", "и", "или", "в", "на", "с", "по", "для", "это", "есть",
        // Ukrainian
        "мені", "мене", "мій", "моя", "ти", "ви", "як", "де", "що", "коли", "хто", "чому", "можна", "потрібно", "треба", "хочу", "і", "й", "та", "у", "з", "до", "це", "є",
        // Arabic
        "أنا", "انا", "كيف", "أين", "اين", "ماذا", "ما", "متى", "من", "هل", "في", "على", "أريد", "اريد", "أحتاج", "احتاج", "لي", "إلى", "الى", "عن",
    };

    public static Analyzer ForLanguage(string language) => language switch
    {
        "en" => new EnglishAnalyzer(Version),
        "fi" => Finnish(),
        "sv" => new SwedishAnalyzer(Version),
        "ru" => new RussianAnalyzer(Version),
        "uk" => Ukrainian(),
        "ar" => new ArabicAnalyzer(Version),
        _ => Universal(),
    };

    /// <summary>Words as written, lower-cased and with accents folded: for keywords across languages and for typo tolerance.</summary>
    public static Analyzer Universal() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Finnish: stop words, Snowball stemming, then consonant gradation folded.</summary>
    public static Analyzer Finnish() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new StopFilter(Version, stream, FinnishAnalyzer.DefaultStopSet);
        stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.FinnishStemmer());
        stream = new FinnishFoldFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Index side of the Finnish prefix field: every prefix (4+ letters) of each folded word.</summary>
    public static Analyzer FinnishPrefixes() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new StopFilter(Version, stream, FinnishAnalyzer.DefaultStopSet);
        stream = new FinnishFoldFilter(stream);
        stream = new EdgeNGramTokenFilter(Version, stream, 4, 30);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Three-letter pieces of every word: a safety net for typos and forms no stemmer knows.</summary>
    public static Analyzer Trigrams() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new NGramTokenFilter(Version, stream, 3, 3);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Ukrainian has no analyzer in Lucene 4.8: stop words and a light suffix stripper.</summary>
    public static Analyzer Ukrainian() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new StopFilter(Version, stream, UkrainianStopWords);
        stream = new UkrainianLightStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The terms an analyzer makes of a text.</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    /// <summary>
    /// The query-side key for the Finnish prefix field: the folded word without its last letters,
    /// where case endings and stem changes live ("henkilötunnuksen" → "henkilotun").
    /// </summary>
    public static string? FinnishPrefixKey(string word)
    {
        var folded = FinnishFoldFilter.Fold(word.ToLowerInvariant());
        if (folded.Length < 6)
            return null;
        var cut = Math.Min(4, folded.Length / 3);
        var key = folded[..Math.Max(4, folded.Length - cut)];
        return key.Length >= 4 ? key : null;
    }
}

/// <summary>
/// Folds Finnish consonant gradation and umlauts so that strong and weak grades meet: nt/nn → n,
/// mp/mm → m, lt/ll → l, rt/rr → r, nk/ng → n, ht/hd → h, double consonants single, d → t, ä → a, ö → o.
/// </summary>
public sealed class FinnishFoldFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public FinnishFoldFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        var folded = Fold(_term.ToString());
        _term.SetEmpty().Append(folded);
        return true;
    }

    public static string Fold(string word)
    {
        var text = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            text.Append(c switch
            {
                'ä' => 'a',
                'ö' => 'o',
                'å' => 'o',
                'é' => 'e',
                'd' => 't',
                _ => c,
            });
        }
        var s = text.ToString();
        foreach (var (from, to) in Pairs)
            s = s.Replace(from, to, StringComparison.Ordinal);
        // Any remaining double consonant (kk, pp, tt, ss…) becomes single.
        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (i > 0 && s[i] == s[i - 1] && !IsVowel(s[i]))
                continue;
            result.Append(s[i]);
        }
        return result.ToString();
    }

    private static readonly (string From, string To)[] Pairs =
    [
        ("nt", "n"), ("nn", "n"), ("mp", "m"), ("mm", "m"), ("lt", "l"), ("ll", "l"),
        ("rt", "r"), ("rr", "r"), ("nk", "n"), ("ng", "n"), ("ht", "h"),
    ];

    private static bool IsVowel(char c) => "aeiouyäöå".Contains(c, StringComparison.Ordinal);
}

/// <summary>Strips the commonest Ukrainian case and number endings (a light stemmer, not a lemmatizer).</summary>
public sealed class UkrainianLightStemFilter : TokenFilter
{
    private static readonly string[] Endings =
    [
        "ання", "ення", "іями", "ями", "ами", "ого", "ому", "ими", "ими", "ій", "ий", "их", "ів", "ою", "ею", "ої", "ах", "ях", "ом", "ем",
        "а", "я", "у", "ю", "і", "и", "о", "е", "ї", "ь",
    ];

    private readonly ICharTermAttribute _term;

    public UkrainianLightStemFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        var word = _term.ToString();
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                _term.SetLength(word.Length - ending.Length);
                break;
            }
        }
        return true;
    }
}
