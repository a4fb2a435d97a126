using Microsoft.Extensions.Options;

namespace KokkaBot.TextAnalysis;

/// <summary>
/// Text analysis without a network: script, word and character-trigram language detection tuned for
/// short chat messages in en, fi, sv, ru, uk and ar; lexicon sentiment; stop-word key phrases. The
/// default, and the fallback of <see cref="AzureLanguageTextAnalyzer"/>. Stateless once built: one
/// instance serves every turn.
/// </summary>
public sealed class EmbeddedTextAnalyzer : ITextAnalyzer
{
    /// <summary>Longer texts are analysed by their beginning (a chat message is rarely longer).</summary>
    internal const int MaxTextLength = 5000;

    private readonly LanguageDetector _detector = new();
    private readonly SentimentScorer _sentiment;
    private readonly KeyPhraseExtractor _keyPhrases;
    private readonly double _minConfidence;

    public EmbeddedTextAnalyzer(IOptions<TextAnalysisOptions> options)
    {
        _sentiment = new SentimentScorer();
        _keyPhrases = new KeyPhraseExtractor(_sentiment);
        _minConfidence = options.Value.MinLanguageConfidence;
    }

    public DetectedLanguage DetectLanguage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var detection = _detector.Detect(Clip(text));
        var confidence = Math.Round(detection.Confidence, 3);
        return detection.Language is not null && confidence >= _minConfidence
            ? new DetectedLanguage(detection.Language, confidence)
            : new DetectedLanguage(null, confidence);
    }

    public SentimentResult AnalyzeSentiment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _sentiment.Score(Clip(text));
    }

    public IReadOnlyList<string> ExtractKeyPhrases(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _keyPhrases.Extract(Clip(text));
    }

    public Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(DetectLanguage(text));
    }

    public Task<SentimentResult> AnalyzeSentimentAsync(string text, string? language, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(AnalyzeSentiment(text));
    }

    public Task<IReadOnlyList<string>> ExtractKeyPhrasesAsync(string text, string? language, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(ExtractKeyPhrases(text));
    }

    /// <summary>The detector's view of a text, with every candidate's probability: for tests and tuning.</summary>
    internal Detection Explain(string text) => _detector.Detect(Clip(text));

    private static string Clip(string text) =>
        text.Length <= MaxTextLength ? text : text[..(char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength)];
}
