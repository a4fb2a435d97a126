using System.Text.Json.Serialization;

namespace KokkaBot.TextAnalysis;

// The JSON of Azure AI Language's analyze-text operation (api-version 2023-04-01), as far as KokkaBot uses it:
// POST {endpoint}/language/:analyze-text
// {"kind":"SentimentAnalysis","parameters":{…},"analysisInput":{"documents":[{"id":"1","text":"…","language":"fi"}]}}
// → {"kind":"SentimentAnalysisResults","results":{"documents":[…],"errors":[{"id":"1","error":{"code":…,"message":…}}],"modelVersion":…}}

internal static class AnalyzeTextKinds
{
    public const string LanguageDetection = "LanguageDetection";
    public const string SentimentAnalysis = "SentimentAnalysis";
    public const string KeyPhraseExtraction = "KeyPhraseExtraction";
}

internal sealed record AnalyzeTextRequest(string Kind, AnalyzeTextParameters Parameters, AnalysisInput AnalysisInput);

internal sealed record AnalyzeTextParameters(string ModelVersion = "latest", bool? OpinionMining = null);

internal sealed record AnalysisInput(IReadOnlyList<TextDocument> Documents);

/// <param name="Language">ISO 639-1 hint for sentiment and key phrases; language detection takes none.</param>
internal sealed record TextDocument(string Id, string Text, string? Language = null);

internal sealed record AnalyzeTextResponse(string? Kind, AnalyzeTextResults? Results);

internal sealed record AnalyzeTextResults(IReadOnlyList<ResultDocument>? Documents, IReadOnlyList<DocumentError>? Errors, string? ModelVersion);

/// <summary>One document's result: the field of its kind is set (detectedLanguage; sentiment and confidenceScores; keyPhrases).</summary>
internal sealed record ResultDocument(
    string? Id,
    DetectedLanguageResult? DetectedLanguage,
    string? Sentiment,
    SentimentScores? ConfidenceScores,
    IReadOnlyList<string>? KeyPhrases);

/// <param name="Iso6391Name">"en", "fi"…, or "(Unknown)" when the service cannot tell.</param>
internal sealed record DetectedLanguageResult(string? Name, string? Iso6391Name, double ConfidenceScore);

internal sealed record SentimentScores(double Positive, double Neutral, double Negative);

internal sealed record DocumentError(string? Id, AzureError? Error);

/// <summary>An error of a document, or of the whole request ({"error":{"code":"401","message":…}}).</summary>
internal sealed record AzureError(string? Code, string? Message, AzureError? Innererror);

internal sealed record AzureErrorResponse(AzureError? Error);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalyzeTextRequest))]
[JsonSerializable(typeof(AnalyzeTextResponse))]
[JsonSerializable(typeof(AzureErrorResponse))]
internal sealed partial class AzureLanguageJsonContext : JsonSerializerContext;
