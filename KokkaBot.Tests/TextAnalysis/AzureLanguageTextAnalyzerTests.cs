using System.Diagnostics;
using KokkaBot.TextAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KokkaBot.Tests.TextAnalysis;

/// <summary>
/// The Azure AI Language adapter against a fake resource on loopback (<see cref="FakeAzureLanguage"/>),
/// registered the way the app registers it (<see cref="TextAnalysisSetup.AddTextAnalysis"/>).
/// </summary>
public sealed class AzureLanguageTextAnalyzerTests : IAsyncLifetime
{
    private const string FinnishComplaint = "Tämä on ihan hyödytön, ei toimi";

    private readonly List<ServiceProvider> _providers = [];
    private readonly CollectingLoggerProvider _logs = new();
    private readonly ManualClock _clock = new();
    private readonly EmbeddedTextAnalyzer _embedded = new(Options.Create(new TextAnalysisOptions()));
    private FakeAzureLanguage _azure = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _azure = await FakeAzureLanguage.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
            await provider.DisposeAsync();
        await _azure.DisposeAsync();
    }

    private AzureLanguageTextAnalyzer Analyzer(string? endpoint = null, string key = FakeAzureLanguage.Key, string timeout = "00:00:05", string pause = "00:00:00")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TextAnalytics:Endpoint"] = endpoint ?? _azure.Endpoint,
            ["TextAnalytics:Key"] = key,
            ["TextAnalytics:Timeout"] = timeout,
            ["TextAnalytics:PauseAfterFailure"] = pause,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddTextAnalysis(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return Assert.IsType<AzureLanguageTextAnalyzer>(provider.GetRequiredService<ITextAnalyzer>());
    }

    [Fact]
    public async Task Detects_the_language_with_the_key_on_the_analyze_text_path_and_api_version()
    {
        _azure.Respond = _ => FakeAzureLanguage.Language("fi", "Finnish", 0.97);

        var detected = await Analyzer().DetectLanguageAsync("verokortti", Ct);

        Assert.Equal(new DetectedLanguage("fi", 0.97), detected);
        var request = Assert.Single(_azure.Received);
        Assert.Equal(("/language/:analyze-text", "2023-04-01", FakeAzureLanguage.Key, "LanguageDetection"), (request.Path, request.ApiVersion, request.Key, request.Kind));
        Assert.Equal("1", request.Document.GetProperty("id").GetString());
        Assert.Equal("verokortti", request.Text);
        Assert.Null(request.Language);
    }

    [Theory]
    [InlineData("(Unknown)", 0.0)]
    [InlineData("en", 0.3)]
    public async Task An_unknown_or_unsure_language_is_null(string iso6391Name, double confidence)
    {
        _azure.Respond = _ => FakeAzureLanguage.Language(iso6391Name, iso6391Name, confidence);

        var detected = await Analyzer().DetectLanguageAsync("ok", Ct);

        Assert.Equal(new DetectedLanguage(null, confidence), detected);
    }

    [Fact]
    public async Task Other_languages_come_through_as_their_code() =>
        Assert.Equal("zh", (await AnalyzerAnswering(FakeAzureLanguage.Language("zh_chs", "Chinese_Simplified", 1)).DetectLanguageAsync("税卡在哪里", Ct)).Language);

    private AzureLanguageTextAnalyzer AnalyzerAnswering(Microsoft.AspNetCore.Http.IResult result)
    {
        _azure.Respond = _ => result;
        return Analyzer();
    }

    [Fact]
    public async Task Sentiment_comes_from_Azure_with_the_language_given()
    {
        _azure.Respond = _ => FakeAzureLanguage.Sentiment("negative", 0.01, 0.09, 0.9);

        var result = await Analyzer().AnalyzeSentimentAsync(FinnishComplaint, "fi", Ct);

        Assert.Equal(new SentimentResult(Sentiment.Negative, 0.01, 0.09, 0.9), result);
        var request = Assert.Single(_azure.Received);
        Assert.Equal(("SentimentAnalysis", "fi", FinnishComplaint), (request.Kind, request.Language, request.Text));
        Assert.False(request.Body.GetProperty("parameters").GetProperty("opinionMining").GetBoolean());
    }

    [Fact]
    public async Task Without_a_language_the_embedded_detector_gives_Azure_its_hint()
    {
        _azure.Respond = _ => FakeAzureLanguage.Sentiment("mixed", 0.45, 0.1, 0.45);

        var result = await Analyzer().AnalyzeSentimentAsync("hur får jag skattekort", null, Ct);

        Assert.Equal(Sentiment.Mixed, result.Sentiment);
        Assert.Equal("sv", Assert.Single(_azure.Received).Language);
    }

    [Fact]
    public async Task Key_phrases_come_from_Azure()
    {
        _azure.Respond = _ => FakeAzureLanguage.KeyPhrases("tax card", "Finland");

        var phrases = await Analyzer().ExtractKeyPhrasesAsync("how do i get a tax card in Finland", "en", Ct);

        Assert.Equal(["tax card", "Finland"], phrases);
        var request = Assert.Single(_azure.Received);
        Assert.Equal(("KeyPhraseExtraction", "en"), (request.Kind, request.Language));
    }

    [Fact]
    public async Task Empty_text_is_answered_without_a_call()
    {
        var analyzer = Analyzer();

        Assert.Equal(DetectedLanguage.Unsure, await analyzer.DetectLanguageAsync(" ", Ct));
        Assert.Equal(Sentiment.Neutral, (await analyzer.AnalyzeSentimentAsync("", null, Ct)).Sentiment);
        Assert.Empty(await analyzer.ExtractKeyPhrasesAsync("", null, Ct));
        Assert.Empty(_azure.Received);
    }

    [Fact]
    public async Task A_text_longer_than_a_document_may_be_is_clipped()
    {
        _azure.Respond = _ => FakeAzureLanguage.Language("en", "English", 1);

        await Analyzer().DetectLanguageAsync(new string('a', 6000), Ct);

        Assert.Equal(5120, Assert.Single(_azure.Received).Text!.Length);
    }

    public static TheoryData<string> Failures() =>
    [
        "wrong key (401)",
        "wrong endpoint path (404)",
        "throttled (429)",
        "server error (500)",
        "unavailable (503)",
        "garbage body",
        "JSON of another shape",
        "document error",
        "timeout",
        "connection refused",
    ];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Every_failure_falls_back_to_the_embedded_analyzer(string failure)
    {
        var (endpoint, key, timeout) = (_azure.Endpoint, FakeAzureLanguage.Key, "00:00:05");
        switch (failure)
        {
            case "wrong key (401)":
                key = "wrong-key";
                break;
            case "wrong endpoint path (404)":
                endpoint += "/other/";
                break;
            case "throttled (429)":
                _azure.Respond = _ => FakeAzureLanguage.Error(429, "429", "Rate limit is exceeded. Try again in 1 seconds.");
                break;
            case "server error (500)":
                _azure.Respond = _ => FakeAzureLanguage.Error(500, "InternalServerError", "Internal server error.");
                break;
            case "unavailable (503)":
                _azure.Respond = _ => Microsoft.AspNetCore.Http.Results.StatusCode(503);
                break;
            case "garbage body":
                _azure.Respond = _ => Microsoft.AspNetCore.Http.Results.Text("<html><body>Bad gateway", "text/html");
                break;
            case "JSON of another shape":
                _azure.Respond = _ => FakeAzureLanguage.Json("""{"kind":"Something","results":{"documents":[{"id":"1","whatever":true}]}}""");
                break;
            case "document error":
                _azure.Respond = r => FakeAzureLanguage.DocumentError(r.Kind!, "UnsupportedLanguageCode", "Invalid language code. Supported languages: …");
                break;
            case "timeout":
                _azure.Delay = TimeSpan.FromSeconds(5);
                timeout = "00:00:00.200";
                break;
            case "connection refused":
                endpoint = "http://127.0.0.1:1";
                break;
        }
        var analyzer = Analyzer(endpoint, key, timeout);
        var watch = Stopwatch.StartNew();

        var language = await analyzer.DetectLanguageAsync(FinnishComplaint, Ct);
        var sentiment = await analyzer.AnalyzeSentimentAsync(FinnishComplaint, "fi", Ct);
        var phrases = await analyzer.ExtractKeyPhrasesAsync(FinnishComplaint, "fi", Ct);

        Assert.Equal(_embedded.DetectLanguage(FinnishComplaint), language);
        Assert.Equal(_embedded.AnalyzeSentiment(FinnishComplaint), sentiment);
        Assert.Equal(_embedded.ExtractKeyPhrases(FinnishComplaint), phrases);
        Assert.Equal(("fi", Sentiment.Negative), (language.Language, sentiment.Sentiment));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        var warnings = _logs.AtLeast(LogLevel.Warning).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("embedded analyzer answers instead", w.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(FakeAzureLanguage.Key, StringComparison.Ordinal) || e.Message.Contains("hyödytön", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("wrong key (401)", "HTTP 401")]
    [InlineData("server error (500)", "HTTP 500 InternalServerError")]
    [InlineData("timeout", "no answer within 0.2 s")]
    [InlineData("document error", "UnsupportedLanguageCode")]
    public async Task The_warning_tells_why(string failure, string reason)
    {
        await Every_failure_falls_back_to_the_embedded_analyzer(failure);

        Assert.Contains(_logs.AtLeast(LogLevel.Warning), w => w.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_failure_Azure_is_left_alone_for_a_while()
    {
        var analyzer = Analyzer(pause: "00:01:00");
        _azure.Respond = _ => FakeAzureLanguage.Error(500, "InternalServerError", "Internal server error.");

        Assert.Equal("fi", (await analyzer.DetectLanguageAsync("missä te toimisto", Ct)).Language);
        Assert.Equal("fi", (await analyzer.DetectLanguageAsync("missä te toimisto", Ct)).Language);
        Assert.Single(_azure.Received);

        _clock.Now += TimeSpan.FromMinutes(2);
        _azure.Respond = _ => FakeAzureLanguage.Language("fi", "Finnish", 0.99);
        Assert.Equal(new DetectedLanguage("fi", 0.99), await analyzer.DetectLanguageAsync("missä te toimisto", Ct));
        Assert.Equal(2, _azure.Received.Count);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("answers again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_turn_is_cancelled_not_answered()
    {
        _azure.Delay = TimeSpan.FromSeconds(5);
        var analyzer = Analyzer();
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        turn.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analyzer.DetectLanguageAsync("verokortti", turn.Token));
    }
}
