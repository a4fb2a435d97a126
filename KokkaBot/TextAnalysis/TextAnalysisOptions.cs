using Microsoft.Extensions.Options;

namespace KokkaBot.TextAnalysis;

/// <summary>
/// Settings of section "TextAnalytics". With <see cref="Endpoint"/> and <see cref="Key"/> both set, text
/// analysis goes to an Azure AI Language resource (and falls back to the embedded analyzer whenever
/// that fails); otherwise the embedded analyzer does it all, without a network.
/// </summary>
public sealed class TextAnalysisOptions
{
    public const string Section = "TextAnalytics";

    /// <summary>The Azure AI Language resource, e.g. https://my-resource.cognitiveservices.azure.com/.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The resource's key (sent as Ocp-Apim-Subscription-Key). A secret: user secrets or the environment, never appsettings.json.</summary>
    public string? Key { get; set; }

    /// <summary>Time limit of one call to Azure; when it passes, the embedded analyzer answers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A detected language below this confidence (0..1) is reported as unsure (a null language). 0.5 lets
    /// "verokortti" and "taxcard plz" through and keeps "ok", "hetu?" and a lone town name out.
    /// </summary>
    public double MinLanguageConfidence { get; set; } = 0.5;

    /// <summary>After a failed call, Azure is left alone for this long (the embedded analyzer answers): a broken key or an outage must not add the timeout to every turn. Zero tries every time.</summary>
    public TimeSpan PauseAfterFailure { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when both the endpoint and the key are set.</summary>
    public bool UsesAzure => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Key);
}

/// <summary>Checks the settings at start, with messages that name the setting to fix.</summary>
internal sealed class TextAnalysisOptionsValidator : IValidateOptions<TextAnalysisOptions>
{
    public ValidateOptionsResult Validate(string? name, TextAnalysisOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && !(Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "https" or "http" && string.IsNullOrEmpty(endpoint.Query)))
        {
            failures.Add($"{TextAnalysisOptions.Section}:Endpoint must be an absolute https:// (or http://) URL without a query, like https://my-resource.cognitiveservices.azure.com/; it is '{options.Endpoint}'.");
        }
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
            failures.Add($"{TextAnalysisOptions.Section}:Timeout must be more than zero and at most 00:01:00; it is {options.Timeout}.");
        if (double.IsNaN(options.MinLanguageConfidence) || options.MinLanguageConfidence is < 0 or > 1)
            failures.Add($"{TextAnalysisOptions.Section}:MinLanguageConfidence must be between 0 and 1; it is {options.MinLanguageConfidence}.");
        if (options.PauseAfterFailure < TimeSpan.Zero || options.PauseAfterFailure > TimeSpan.FromHours(1))
            failures.Add($"{TextAnalysisOptions.Section}:PauseAfterFailure must be between 00:00:00 and 01:00:00; it is {options.PauseAfterFailure}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
