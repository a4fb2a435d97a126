using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace KokkaBot.TextAnalysis;

/// <summary>
/// Text analysis by an Azure AI Language resource over its REST API (POST
/// {endpoint}/language/:analyze-text?api-version=2023-04-01, key in Ocp-Apim-Subscription-Key). Whatever
/// goes wrong — no network, the time limit, 401, 429, 5xx, an error for the document, JSON we do not
/// understand — is logged as a warning and the embedded analyzer answers instead: text analysis never
/// fails a turn. After a failure Azure is left alone for <see cref="TextAnalysisOptions.PauseAfterFailure"/>,
/// so that an outage does not add the time limit to every turn. Only a cancellation by the caller
/// comes through as an exception. The text is never logged.
/// </summary>
public sealed partial class AzureLanguageTextAnalyzer : ITextAnalyzer
{
    public const string HttpClientName = "AzureLanguage";
    internal const string ApiVersion = "2023-04-01";
    internal const string KeyHeader = "Ocp-Apim-Subscription-Key";

    /// <summary>The service's limit for one document of a synchronous request, in characters.</summary>
    internal const int MaxDocumentLength = 5120;

    private readonly IHttpClientFactory _http;
    private readonly EmbeddedTextAnalyzer _fallback;
    private readonly TimeProvider _clock;
    private readonly ILogger<AzureLanguageTextAnalyzer> _logger;
    private readonly TextAnalysisOptions _options;
    private readonly Uri _analyzeUri;
    private long _pausedUntilTicks;
    private int _failing;

    public AzureLanguageTextAnalyzer(
        IHttpClientFactory http,
        IOptions<TextAnalysisOptions> options,
        EmbeddedTextAnalyzer fallback,
        TimeProvider clock,
        ILogger<AzureLanguageTextAnalyzer> logger)
    {
        _http = http;
        _fallback = fallback;
        _clock = clock;
        _logger = logger;
        _options = options.Value;
        if (!_options.UsesAzure)
            throw new InvalidOperationException($"{TextAnalysisOptions.Section}:Endpoint and {TextAnalysisOptions.Section}:Key must both be set to use Azure AI Language.");
        var endpoint = _options.Endpoint!.EndsWith('/') ? _options.Endpoint : _options.Endpoint + "/";
        _analyzeUri = new Uri(new Uri(endpoint, UriKind.Absolute), $"language/:analyze-text?api-version={ApiVersion}");
    }

    /// <summary>The URL every request goes to.</summary>
    public Uri AnalyzeUri => _analyzeUri;

    public async Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            return DetectedLanguage.Unsure;
        var document = await AnalyzeAsync(AnalyzeTextKinds.LanguageDetection, new TextDocument("1", Clip(text)), new AnalyzeTextParameters(), ct);
        if (document?.DetectedLanguage is not { } detected)
            return document is null ? _fallback.DetectLanguage(text) : Unexpected(AnalyzeTextKinds.LanguageDetection, "detectedLanguage", _fallback.DetectLanguage(text));
        var confidence = Math.Round(Math.Clamp(detected.ConfidenceScore, 0, 1), 3);
        var language = LanguageCode(detected.Iso6391Name);
        return language is not null && confidence >= _options.MinLanguageConfidence
            ? new DetectedLanguage(language, confidence)
            : new DetectedLanguage(null, confidence);
    }

    public async Task<SentimentResult> AnalyzeSentimentAsync(string text, string? language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            return SentimentResult.NeutralText;
        // Without a language the service assumes English: the embedded detector gives a better guess for free.
        language ??= _fallback.DetectLanguage(text).Language;
        var document = await AnalyzeAsync(AnalyzeTextKinds.SentimentAnalysis, new TextDocument("1", Clip(text), language), new AnalyzeTextParameters(OpinionMining: false), ct);
        if (document is null)
            return _fallback.AnalyzeSentiment(text);
        if (ParseSentiment(document.Sentiment) is not { } sentiment || document.ConfidenceScores is not { } scores)
            return Unexpected(AnalyzeTextKinds.SentimentAnalysis, "sentiment", _fallback.AnalyzeSentiment(text));
        return new SentimentResult(sentiment, Score(scores.Positive), Score(scores.Neutral), Score(scores.Negative));
    }

    public async Task<IReadOnlyList<string>> ExtractKeyPhrasesAsync(string text, string? language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            return [];
        language ??= _fallback.DetectLanguage(text).Language;
        var document = await AnalyzeAsync(AnalyzeTextKinds.KeyPhraseExtraction, new TextDocument("1", Clip(text), language), new AnalyzeTextParameters(), ct);
        if (document is null)
            return _fallback.ExtractKeyPhrases(text);
        if (document.KeyPhrases is not { } phrases)
            return Unexpected(AnalyzeTextKinds.KeyPhraseExtraction, "keyPhrases", _fallback.ExtractKeyPhrases(text));
        return phrases.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
    }

    /// <summary>The result for the one document sent, or null (logged) when Azure did not give one.</summary>
    private async Task<ResultDocument?> AnalyzeAsync(string kind, TextDocument document, AnalyzeTextParameters parameters, CancellationToken ct)
    {
        if (_clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _pausedUntilTicks))
        {
            LogPaused(kind);
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var body = new AnalyzeTextRequest(kind, parameters, new AnalysisInput([document]));
            using var request = new HttpRequestMessage(HttpMethod.Post, _analyzeUri)
            {
                Content = JsonContent.Create(body, AzureLanguageJsonContext.Default.AnalyzeTextRequest),
            };
            request.Headers.Add(KeyHeader, _options.Key);
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var code = await ErrorCodeAsync(response, timeout.Token);
                return Failed(kind, code is null || code == status ? $"HTTP {status}" : $"HTTP {status} {code}", null);
            }
            var results = (await response.Content.ReadFromJsonAsync(AzureLanguageJsonContext.Default.AnalyzeTextResponse, timeout.Token))?.Results;
            if (results?.Errors is [{ } error, ..])
            {
                // A problem of this text (unsupported language, too long…), not of the service: no pause.
                LogDocumentError(kind, error.Error?.Code, error.Error?.Innererror?.Code, error.Error?.Message);
                return null;
            }
            var result = results?.Documents?.FirstOrDefault(d => d.Id == document.Id);
            if (result is null)
                return Failed(kind, "the response has no result for the document", null);
            if (Interlocked.Exchange(ref _failing, 0) == 1)
                LogRecovered(kind);
            return result;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(kind, $"no answer within {_options.Timeout.TotalSeconds:0.###} s", null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException or InvalidOperationException or IOException)
        {
            return Failed(kind, e.GetType().Name, e);
        }
    }

    private ResultDocument? Failed(string kind, string reason, Exception? exception)
    {
        var pause = _options.PauseAfterFailure;
        if (pause > TimeSpan.Zero)
            Interlocked.Exchange(ref _pausedUntilTicks, (_clock.GetUtcNow() + pause).UtcTicks);
        Interlocked.Exchange(ref _failing, 1);
        LogFailed(exception, kind, reason, pause.TotalSeconds);
        return null;
    }

    private T Unexpected<T>(string kind, string field, T fallback)
    {
        Failed(kind, $"the result has no {field}", null);
        return fallback;
    }

    /// <summary>The code of an error body ({"error":{"code":"401",…}}), or null when there is none to read.</summary>
    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync(AzureLanguageJsonContext.Default.AzureErrorResponse, ct);
            return body?.Error?.Code;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or HttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>"en" as it is; "zh_chs" → "zh"; "(Unknown)" → null.</summary>
    private static string? LanguageCode(string? iso6391Name)
    {
        if (string.IsNullOrWhiteSpace(iso6391Name) || iso6391Name.StartsWith('('))
            return null;
        var code = iso6391Name.Split('_', '-')[0].Trim().ToLowerInvariant();
        return code.Length is >= 2 and <= 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    private static Sentiment? ParseSentiment(string? sentiment) => sentiment?.ToLowerInvariant() switch
    {
        "positive" => Sentiment.Positive,
        "neutral" => Sentiment.Neutral,
        "negative" => Sentiment.Negative,
        "mixed" => Sentiment.Mixed,
        _ => null,
    };

    private static double Score(double value) => Math.Round(Math.Clamp(value, 0, 1), 3);

    private static string Clip(string text) =>
        text.Length <= MaxDocumentLength ? text : text[..(char.IsHighSurrogate(text[MaxDocumentLength - 1]) ? MaxDocumentLength - 1 : MaxDocumentLength)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Language {Kind} failed: {Reason}; the embedded analyzer answers instead (Azure is left alone for {PauseSeconds} s)")]
    private partial void LogFailed(Exception? exception, string kind, string reason, double pauseSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Language {Kind} refused the text: {ErrorCode}/{InnerErrorCode} {ErrorMessage}; the embedded analyzer answers instead")]
    private partial void LogDocumentError(string kind, string? errorCode, string? innerErrorCode, string? errorMessage);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Azure AI Language {Kind} skipped after a recent failure; the embedded analyzer answers")]
    private partial void LogPaused(string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure AI Language {Kind} answers again")]
    private partial void LogRecovered(string kind);
}
