using System.Collections.Concurrent;
using System.Text.Json;
using KokkaBot.Bot.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KokkaBot.Tests.Support;

/// <summary>
/// A channel's Bot Connector on loopback: it receives the bot's replies at
/// /v3/conversations/{id}/activities[/{replyToId}], can be told to throttle or fail first, and
/// records what arrived.
/// </summary>
public sealed class MockConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();

    private MockConnector(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;
    public ConcurrentQueue<ReceivedActivity> Received { get; } = new();

    /// <summary>Every call, including the ones answered with a failure.</summary>
    public int Calls => _calls;

    private int _calls;

    public sealed record ReceivedActivity(string Path, Activity Activity);

    /// <summary>The next calls answer with these statuses (429, 503…) before calls succeed again.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
            _failures.Enqueue(status);
    }

    public static async Task<MockConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new MockConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**replyToId}", connector.ReceiveAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.ReceiveAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        connector.ServiceUrl = new Uri(address + "/");
        return connector;
    }

    /// <summary>Waits until at least <paramref name="count"/> activities arrived.</summary>
    public async Task<IReadOnlyList<ReceivedActivity>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Received.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(20, TestContext.Current.CancellationToken);
        return Received.ToArray();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _calls);
        if (_failures.TryDequeue(out var status))
        {
            if (status == StatusCodes.Status429TooManyRequests)
                request.HttpContext.Response.Headers.RetryAfter = "0";
            return Results.StatusCode(status);
        }
        var activity = await JsonSerializer.DeserializeAsync(request.Body, BotJsonContext.Default.Activity);
        Received.Enqueue(new ReceivedActivity(request.Path, activity!));
        return Results.Json(new { id = $"mock-{Received.Count}" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
