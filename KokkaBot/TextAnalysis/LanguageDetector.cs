using System.Collections.Frozen;

namespace KokkaBot.TextAnalysis;

/// <summary>
/// Language detection for short chat messages, without a network. The script decides first (Arabic
/// script → ar, Greek → el, Hangul → ko…); within the Latin script (en, fi, sv) and the Cyrillic
/// script (ru, uk) every word adds evidence: letters only one of the languages uses (å; і ї є ґ;
/// ы э ъ ё), frequent words of each language, and the likelihood of its character trigrams under each
/// language's profile. The evidence is turned into probabilities, and the confidence is the best
/// probability scaled down for short texts: "ok", "1", "👍" and a lone "Kela" are not a language.
/// Immutable once built; safe to share.
/// </summary>
internal sealed class LanguageDetector
{
    /// <summary>A frequent word of a language counts as much as this (in nats) for it.</summary>
    private const double WordEvidence = 2.0;

    /// <summary>A letter only one of the languages uses (å, і, ы…) counts as much as this, once per word.</summary>
    private const double LetterEvidence = 3.0;

    /// <summary>Trigram log-likelihoods are not independent: they count for this share of their sum.</summary>
    private const double TrigramWeight = 0.35;

    /// <summary>Profiles keep this many of the most frequent trigrams of their text.</summary>
    private const int ProfileSize = 400;

    private readonly ScriptModel _latin;
    private readonly ScriptModel _cyrillic;
    private readonly FrozenSet<string> _neutral;

    public LanguageDetector()
    {
        _latin = new ScriptModel(LanguageProfiles.Latin, ProfileSize);
        _cyrillic = new ScriptModel(LanguageProfiles.Cyrillic, ProfileSize);
        _neutral = LanguageProfiles.NeutralNames.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The most probable language with its confidence (0..1), and every candidate's probability.</summary>
    public Detection Detect(string text)
    {
        // "TE-toimisto", "opiskelija-asunto": each part is a word of its own here.
        var words = Words(text).Where(w => !_neutral.Contains(w)).ToList();
        var letters = new Dictionary<Script, int>();
        foreach (var word in words)
        {
            foreach (var c in word)
            {
                var script = TextTokens.ScriptOf(c);
                if (script is not Script.None)
                    letters[script] = letters.GetValueOrDefault(script) + 1;
            }
        }
        if (letters.Count == 0)
            return Detection.None;
        var (dominant, count) = letters.MaxBy(l => l.Value);
        var inScript = words.Where(w => w.Any(c => TextTokens.ScriptOf(c) == dominant)).ToList();
        return dominant switch
        {
            Script.Latin => _latin.Score(inScript, count, LatinLetters),
            Script.Cyrillic => _cyrillic.Score(inScript, count, CyrillicLetters),
            Script.Arabic => Only(inScript.Any(w => w.AsSpan().IndexOfAny("پچژگ") >= 0) ? "fa" : "ar", count, lettersForHalf: 2),
            Script.Greek => Only("el", count, 3),
            Script.Hebrew => Only("he", count, 3),
            Script.Armenian => Only("hy", count, 3),
            Script.Georgian => Only("ka", count, 3),
            Script.Thai => Only("th", count, 3),
            Script.Hangul => Only("ko", count, 1),
            Script.Kana => Only("ja", count, 1),
            Script.Han => Only(letters.ContainsKey(Script.Kana) ? "ja" : "zh", count, 1),
            _ => Detection.None,
        };
    }

    /// <summary>
    /// The words of a text in lower case (not the lookup key: ё is evidence for Russian), with the parts
    /// of "TE-toimisto" or "opiskelija-asunto" as words of their own.
    /// </summary>
    internal static IEnumerable<string> Words(string text) =>
        TextTokens.Tokenize(text)
            .Where(t => !t.IsNumber)
            .SelectMany(t => t.Text.ToLowerInvariant().Replace('’', '\'').Replace('ʼ', '\'').Split('-', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>How much a text of <paramref name="letters"/> letters can say at all: 0 for none, near 1 for a sentence.</summary>
    private static double Certainty(int letters, double lettersForHalf) => 1 - Math.Pow(0.5, letters / lettersForHalf);

    private static Detection Only(string language, int letters, double lettersForHalf)
    {
        var confidence = 0.98 * Certainty(letters, lettersForHalf);
        return new Detection(language, confidence, new Dictionary<string, double> { [language] = confidence });
    }

    /// <summary>å is Swedish; ä and ö are Finnish or Swedish, never English.</summary>
    private static void LatinLetters(string word, Dictionary<string, double> scores)
    {
        if (word.Contains('å', StringComparison.Ordinal))
            scores["sv"] += LetterEvidence;
        if (word.AsSpan().IndexOfAny("äö") >= 0)
            scores["en"] -= LetterEvidence;
    }

    /// <summary>і ї є ґ and the apostrophe are Ukrainian; ы э ъ ё are Russian.</summary>
    private static void CyrillicLetters(string word, Dictionary<string, double> scores)
    {
        if (word.AsSpan().IndexOfAny("іїєґ'") >= 0)
            scores["uk"] += LetterEvidence;
        if (word.AsSpan().IndexOfAny("ыэъё") >= 0)
            scores["ru"] += LetterEvidence;
    }

    /// <summary>The trigram profiles and word lists of the languages that share a script.</summary>
    private sealed class ScriptModel
    {
        private readonly IReadOnlyList<LanguageModel> _languages;

        public ScriptModel(IReadOnlyList<LanguageProfiles.Profile> profiles, int profileSize)
        {
            var counts = profiles.ToDictionary(p => p.Language, p => Trigrams.Count(p.Text));
            var vocabulary = counts.Values.SelectMany(c => c.Keys).Distinct().Count();
            _languages = profiles
                .Select(p => new LanguageModel(p.Language, counts[p.Language], profileSize, vocabulary, Lexicon.Parse(p.Words)))
                .ToList();
        }

        public Detection Score(IReadOnlyList<string> words, int letters, Action<string, Dictionary<string, double>> letterEvidence)
        {
            var scores = _languages.ToDictionary(l => l.Language, _ => 0.0);
            foreach (var word in words)
            {
                letterEvidence(word, scores);
                foreach (var language in _languages)
                {
                    if (language.Words.Contains(TextTokens.Key(word)))
                        scores[language.Language] += WordEvidence;
                    scores[language.Language] += TrigramWeight * language.LogLikelihood(word);
                }
            }
            var max = scores.Values.Max();
            var exp = scores.ToDictionary(s => s.Key, s => Math.Exp(s.Value - max));
            var sum = exp.Values.Sum();
            var probabilities = exp.ToDictionary(e => e.Key, e => e.Value / sum);
            var (best, probability) = probabilities.MaxBy(p => p.Value);
            return new Detection(best, probability * Certainty(letters, 3), probabilities);
        }
    }

    private sealed class LanguageModel
    {
        private readonly FrozenDictionary<string, double> _logProbabilities;
        private readonly double _unseen;

        public LanguageModel(string language, IReadOnlyDictionary<string, int> counts, int profileSize, int vocabulary, Lexicon words)
        {
            Language = language;
            Words = words;
            var profile = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(profileSize).ToList();
            var total = profile.Sum(p => p.Value) + 0.5 * vocabulary;
            _logProbabilities = profile.ToFrozenDictionary(p => p.Key, p => Math.Log((p.Value + 0.5) / total), StringComparer.Ordinal);
            _unseen = Math.Log(0.5 / total);
        }

        public string Language { get; }
        public Lexicon Words { get; }

        public double LogLikelihood(string word)
        {
            var sum = 0.0;
            foreach (var trigram in Trigrams.Of(word))
                sum += _logProbabilities.GetValueOrDefault(trigram, _unseen);
            return sum;
        }
    }
}

/// <summary>A detection: the best language (null when there were no letters), its confidence, and every candidate's probability.</summary>
internal sealed record Detection(string? Language, double Confidence, IReadOnlyDictionary<string, double> Probabilities)
{
    public static Detection None { get; } = new(null, 0, new Dictionary<string, double>());
}

/// <summary>Character trigrams of words padded with '_' at both ends: "kela" → _ke kel ela la_.</summary>
internal static class Trigrams
{
    public static IEnumerable<string> Of(string word)
    {
        var padded = "_" + word + "_";
        for (var i = 0; i + 3 <= padded.Length; i++)
            yield return padded.Substring(i, 3);
    }

    public static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in LanguageDetector.Words(text))
        {
            foreach (var trigram in Of(word))
                counts[trigram] = counts.GetValueOrDefault(trigram) + 1;
        }
        return counts;
    }
}

/// <summary>A word list: whole words, and stems (written with a trailing *) that match every word beginning with them.</summary>
internal sealed class Lexicon
{
    private readonly FrozenSet<string> _words;
    private readonly string[] _stems;

    private Lexicon(FrozenSet<string> words, string[] stems)
    {
        _words = words;
        _stems = stems;
    }

    public static Lexicon Parse(params string[] lists)
    {
        var entries = lists.SelectMany(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(TextTokens.Key).ToList();
        return new Lexicon(
            entries.Where(e => !e.EndsWith('*')).ToFrozenSet(StringComparer.Ordinal),
            entries.Where(e => e.EndsWith('*')).Select(e => e.TrimEnd('*')).Distinct().ToArray());
    }

    public bool Contains(string key)
    {
        if (_words.Contains(key))
            return true;
        foreach (var stem in _stems)
        {
            if (key.StartsWith(stem, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
