using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KokkaBot.TextAnalysis;

public static partial class TextAnalysisSetup
{
    /// <summary>
    /// <see cref="ITextAnalyzer"/>: Azure AI Language when TextAnalytics:Endpoint and TextAnalytics:Key are
    /// both set (with the embedded analyzer as its fallback), the embedded analyzer otherwise. Bad
    /// settings stop the start with a message that names them.
    /// </summary>
    public static IServiceCollection AddTextAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TextAnalysisOptions>().Bind(configuration.GetSection(TextAnalysisOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TextAnalysisOptions>, TextAnalysisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Each call has its own time limit (TextAnalytics:Timeout), so that a timeout is told apart from a cancelled turn.
        services.AddHttpClient(AzureLanguageTextAnalyzer.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<EmbeddedTextAnalyzer>();
        services.AddSingleton<AzureLanguageTextAnalyzer>();
        services.AddSingleton<ITextAnalyzer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TextAnalysisOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("KokkaBot.TextAnalysis");
            if (options.UsesAzure)
            {
                var analyzer = sp.GetRequiredService<AzureLanguageTextAnalyzer>();
                LogAzure(logger, analyzer.AnalyzeUri.Authority);
                return analyzer;
            }
            if (!string.IsNullOrWhiteSpace(options.Endpoint) || !string.IsNullOrWhiteSpace(options.Key))
                LogHalfConfigured(logger, string.IsNullOrWhiteSpace(options.Key) ? "Key" : "Endpoint");
            else
                LogEmbedded(logger);
            return sp.GetRequiredService<EmbeddedTextAnalyzer>();
        });
        return services;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Text analysis: Azure AI Language at {Endpoint}, with the embedded analyzer as fallback")]
    private static partial void LogAzure(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Text analysis: the embedded analyzer (set TextAnalytics:Endpoint and TextAnalytics:Key to use Azure AI Language)")]
    private static partial void LogEmbedded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Text analysis: TextAnalytics:{Missing} is not set, so Azure AI Language is not used; the embedded analyzer answers")]
    private static partial void LogHalfConfigured(ILogger logger, string missing);
}
