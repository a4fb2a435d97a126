namespace KokkaBot.TextAnalysis;

/// <summary>
/// What the bot can learn from a message's text: its language, its mood, its key phrases. The embedded
/// analyzer answers without a network; the Azure AI Language adapter is used when it is configured and
/// falls back to the embedded one on any failure, so a call never fails a turn.
/// </summary>
public interface ITextAnalyzer
{
    /// <summary>The language of <paramref name="text"/>, or a null language when unsure (too short, digits, emoji, ambiguous).</summary>
    Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken ct);

    /// <summary>How positive or negative <paramref name="text"/> is; <paramref name="language"/> is an ISO 639-1 hint, or null.</summary>
    Task<SentimentResult> AnalyzeSentimentAsync(string text, string? language, CancellationToken ct);

    /// <summary>The content words and short phrases of <paramref name="text"/>, in the order they appear.</summary>
    Task<IReadOnlyList<string>> ExtractKeyPhrasesAsync(string text, string? language, CancellationToken ct);
}

/// <summary>A detected language.</summary>
/// <param name="Language">ISO 639-1 code (en, fi, sv, ru, uk, ar or another the service knows), or null when unsure.</param>
/// <param name="Confidence">0..1: how sure the analyzer is of its best guess (also when that guess was not sure enough to name).</param>
public sealed record DetectedLanguage(string? Language, double Confidence)
{
    public static DetectedLanguage Unsure { get; } = new(null, 0);

    public bool IsSure => Language is not null;
}

public enum Sentiment
{
    Positive,
    Neutral,
    Negative,
    Mixed,
}

/// <summary>The sentiment of a text, with scores from 0 to 1 that add up to 1.</summary>
public sealed record SentimentResult(Sentiment Sentiment, double Positive, double Neutral, double Negative)
{
    public static SentimentResult NeutralText { get; } = new(Sentiment.Neutral, 0, 1, 0);
}
