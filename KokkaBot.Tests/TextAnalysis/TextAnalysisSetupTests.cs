using KokkaBot.TextAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KokkaBot.Tests.TextAnalysis;

/// <summary>AddTextAnalysis: which analyzer the settings give, and settings that stop the start.</summary>
public sealed class TextAnalysisSetupTests
{
    private static IHost Build(Dictionary<string, string?> settings, CollectingLoggerProvider? logs = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging(logging =>
        {
            if (logs is not null)
                logging.AddProvider(logs);
        });
        builder.Services.AddTextAnalysis(builder.Configuration);
        return builder.Build();
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("my-resource.cognitiveservices.azure.com")]
    [InlineData("/language")]
    [InlineData("ftp://my-resource.cognitiveservices.azure.com/")]
    [InlineData("https://my-resource.cognitiveservices.azure.com/?api-version=2023-04-01")]
    public async Task A_bad_endpoint_stops_the_start_with_a_message_naming_it(string endpoint)
    {
        using var host = Build(new() { ["TextAnalytics:Endpoint"] = endpoint, ["TextAnalytics:Key"] = "key" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("TextAnalytics:Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains(endpoint, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TextAnalytics:Timeout", "00:00:00")]
    [InlineData("TextAnalytics:Timeout", "00:05:00")]
    [InlineData("TextAnalytics:MinLanguageConfidence", "1.5")]
    [InlineData("TextAnalytics:MinLanguageConfidence", "-0.1")]
    [InlineData("TextAnalytics:PauseAfterFailure", "-00:00:01")]
    public async Task Other_bad_settings_stop_the_start_too(string setting, string value)
    {
        using var host = Build(new() { [setting] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_settings_the_embedded_analyzer_answers()
    {
        using var host = Build([]);
        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.IsType<EmbeddedTextAnalyzer>(host.Services.GetRequiredService<ITextAnalyzer>());
        var options = host.Services.GetRequiredService<IOptions<TextAnalysisOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(3), 0.5), (options.Timeout, options.MinLanguageConfidence));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("https://my-resource.cognitiveservices.azure.com/", "https://my-resource.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01")]
    [InlineData("https://my-resource.cognitiveservices.azure.com", "https://my-resource.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01")]
    [InlineData("http://127.0.0.1:5000/proxy", "http://127.0.0.1:5000/proxy/language/:analyze-text?api-version=2023-04-01")]
    public async Task Endpoint_and_key_together_select_Azure(string endpoint, string analyzeUrl)
    {
        using var host = Build(new() { ["TextAnalytics:Endpoint"] = endpoint, ["TextAnalytics:Key"] = "key" });
        await host.StartAsync(TestContext.Current.CancellationToken);

        var analyzer = Assert.IsType<AzureLanguageTextAnalyzer>(host.Services.GetRequiredService<ITextAnalyzer>());
        Assert.Equal(analyzeUrl, analyzer.AnalyzeUri.ToString());
        Assert.Same(analyzer, host.Services.GetRequiredService<ITextAnalyzer>());
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("TextAnalytics:Endpoint", "https://my-resource.cognitiveservices.azure.com/", "TextAnalytics:Key")]
    [InlineData("TextAnalytics:Key", "key", "TextAnalytics:Endpoint")]
    public void Half_a_configuration_uses_the_embedded_analyzer_and_says_what_is_missing(string setting, string value, string missing)
    {
        var logs = new CollectingLoggerProvider();
        using var host = Build(new() { [setting] = value }, logs);

        Assert.IsType<EmbeddedTextAnalyzer>(host.Services.GetRequiredService<ITextAnalyzer>());
        Assert.Contains(logs.AtLeast(LogLevel.Warning), e => e.Message.Contains(missing, StringComparison.Ordinal));
    }
}
