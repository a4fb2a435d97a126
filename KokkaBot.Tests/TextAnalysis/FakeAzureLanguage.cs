using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KokkaBot.Tests.TextAnalysis;

/// <summary>
/// An Azure AI Language resource on loopback (real Kestrel, 127.0.0.1, a free port). It checks what the
/// real service checks — the path /language/:analyze-text, api-version=2023-04-01, the
/// Ocp-Apim-Subscription-Key header, a known kind and one document — answering 404, 401 or 400 with an
/// Azure-shaped error body like the service does, and otherwise answers with <see cref="Respond"/>.
/// </summary>
public sealed class FakeAzureLanguage : IAsyncDisposable
{
    public const string Key = "fake-key-0123456789abcdef";

    private static readonly string[] Kinds = ["LanguageDetection", "SentimentAnalysis", "KeyPhraseExtraction"];

    private readonly WebApplication _app;

    private FakeAzureLanguage(WebApplication app) => _app = app;

    /// <summary>The resource's endpoint, without a trailing slash (as the portal shows it).</summary>
    public string Endpoint { get; private set; } = "";

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>The answer to a request that passed the checks.</summary>
    public Func<ReceivedRequest, IResult> Respond { get; set; } = _ => Results.StatusCode(StatusCodes.Status500InternalServerError);

    /// <summary>How long to wait before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <param name="Kind">The body's kind.</param>
    /// <param name="Document">analysisInput.documents[0]: id, text and language.</param>
    public sealed record ReceivedRequest(string Path, string? ApiVersion, string? Key, string? Kind, JsonElement Document, JsonElement Body)
    {
        public string? Text => Document.ValueKind == JsonValueKind.Object && Document.TryGetProperty("text", out var text) ? text.GetString() : null;
        public string? Language => Document.ValueKind == JsonValueKind.Object && Document.TryGetProperty("language", out var language) ? language.GetString() : null;
    }

    public static async Task<FakeAzureLanguage> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAzureLanguage(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        fake.Endpoint = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)).RootElement.Clone();
        }
        catch (JsonException)
        {
            await Error(StatusCodes.Status400BadRequest, "InvalidRequest", "Invalid Request.").ExecuteAsync(context);
            return;
        }
        var kind = body.TryGetProperty("kind", out var k) ? k.GetString() : null;
        var document = body.TryGetProperty("analysisInput", out var input) && input.TryGetProperty("documents", out var documents)
            && documents.ValueKind == JsonValueKind.Array && documents.GetArrayLength() == 1
            ? documents[0].Clone()
            : default;
        var request = new ReceivedRequest(context.Request.Path, context.Request.Query["api-version"], context.Request.Headers["Ocp-Apim-Subscription-Key"], kind, document, body);
        Received.Enqueue(request);

        var result =
            request.Path != "/language/:analyze-text" || request.ApiVersion != "2023-04-01" ? Error(StatusCodes.Status404NotFound, "404", "Resource not found")
            : request.Key != Key ? Error(StatusCodes.Status401Unauthorized, "401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.")
            : !Kinds.Contains(kind) || document.ValueKind != JsonValueKind.Object || request.Text is null ? Error(StatusCodes.Status400BadRequest, "InvalidRequest", "Invalid Request.")
            : null;
        if (result is null && Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        await (result ?? Respond(request)).ExecuteAsync(context);
    }

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    public static IResult Json(string json) => Results.Text(json, "application/json; charset=utf-8");

    public static IResult Language(string iso6391Name, string name, double confidence) => Results.Json(new
    {
        kind = "LanguageDetectionResults",
        results = new
        {
            documents = new[] { new { id = "1", detectedLanguage = new { name, iso6391Name, confidenceScore = confidence }, warnings = Array.Empty<object>() } },
            errors = Array.Empty<object>(),
            modelVersion = "2024-11-01",
        },
    });

    public static IResult Sentiment(string sentiment, double positive, double neutral, double negative)
    {
        var confidenceScores = new { positive, neutral, negative };
        return Results.Json(new
        {
            kind = "SentimentAnalysisResults",
            results = new
            {
                documents = new[]
                {
                    new
                    {
                        id = "1",
                        sentiment,
                        confidenceScores,
                        sentences = new[] { new { sentiment, confidenceScores, offset = 0, length = 10, text = "…" } },
                        warnings = Array.Empty<object>(),
                    },
                },
                errors = Array.Empty<object>(),
                modelVersion = "2025-01-01",
            },
        });
    }

    public static IResult KeyPhrases(params string[] phrases) => Results.Json(new
    {
        kind = "KeyPhraseExtractionResults",
        results = new
        {
            documents = new[] { new { id = "1", keyPhrases = phrases, warnings = Array.Empty<object>() } },
            errors = Array.Empty<object>(),
            modelVersion = "2022-10-01",
        },
    });

    /// <summary>A request that succeeds as a whole while its document fails (unsupported language, empty text…).</summary>
    public static IResult DocumentError(string kind, string innerCode, string message) => Results.Json(new
    {
        kind = kind + "Results",
        results = new
        {
            documents = Array.Empty<object>(),
            errors = new[]
            {
                new { id = "1", error = new { code = "InvalidArgument", message = "Invalid Document in request.", innererror = new { code = innerCode, message } } },
            },
            modelVersion = "2025-01-01",
        },
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
