using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using KokkaBot.Bot;
using KokkaBot.Bot.Schema;
using KokkaBot.Handoff;
using KokkaBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KokkaBot.Tests.Handoff;

/// <summary>
/// The whole product on real Kestrel (as <see cref="KokkaTestHost"/> starts it) plus what handoff
/// tests need: a recording <see cref="IHandoffNotifications"/>, services to replace, advisors on the
/// real SignalR hub and students on Direct Line.
/// </summary>
public sealed partial class HandoffTestHost : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly WebApplication _app;

    private HandoffTestHost(WebApplication app, Uri baseAddress, string dataDirectory, RecordingNotifications notifications)
    {
        _app = app;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Notifications = notifications;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }
    public HttpClient Http { get; }
    public RecordingNotifications Notifications { get; }
    public IServiceProvider Services => _app.Services;
    public IHandoffService Handoffs => Services.GetRequiredService<IHandoffService>();

    public static async Task<HandoffTestHost> StartAsync(
        string? dataDirectory = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool realBotSide = false)
    {
        var data = dataDirectory ?? KokkaTestHost.NewDataDirectory();
        var builder = KokkaTestHost.CreateBuilder(data, settings);
        // Both are no-ops once KokkaBotHost registers the handoff itself.
        builder.Services.AddHandoff(builder.Configuration);
        var notifications = new RecordingNotifications();
        if (!realBotSide)
        {
            // The queue's tests enqueue directly, so the bot's own conversation state knows nothing of the
            // handoff: these stand in for the bot side (EndToEndHandoffTests use the real one).
            builder.Services.AddSingleton<IHandoffNotifications>(notifications);
            builder.Services.AddSingleton<IMiddleware, ForwardWhileHandedOff>();
        }
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapKokkaBot();
        app.MapHandoff();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HandoffTestHost(app, new Uri(address + "/"), data, notifications);
    }

    public async Task CreateAdvisorAsync(string email, string displayName, IReadOnlyList<string>? towns = null, string role = KokkaBot.Staff.StaffRoles.Advisor)
    {
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<KokkaBot.Staff.StaffAccounts>().CreateAsync(email, displayName, Password, role, towns);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Signs in through the real sign-in page and opens the advisor hub with the staff cookie.</summary>
    public async Task<AdvisorClient> ConnectAdvisorAsync(string email)
    {
        var cookies = await SignInAsync(email);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "hubs/advisor"), options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var client = new AdvisorClient(hub);
        await hub.StartAsync(TestContext.Current.CancellationToken);
        // The queue is sent once the server has the advisor online (the handshake completes before that).
        await client.WaitForAsync(nameof(IAdvisorClient.QueueChanged));
        return client;
    }

    public async Task<CookieContainer> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var page = await client.GetStringAsync("staff/signin", TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = Password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("staff/signin", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return cookies;
    }

    /// <summary>A student in the web chat: a Direct Line conversation, its stream, and the reference the bot would hand off with.</summary>
    public async Task<Student> StartStudentAsync()
    {
        var client = new DirectLineTestClient(Http);
        var conversation = await client.StartConversationAsync(KokkaTestHost.DirectLineSecret, new { locale = "en-US" });
        var stream = await DirectLineTestClient.OpenStreamAsync(conversation.StreamUrl!);
        var student = new Student(client, conversation.ConversationId, conversation.Token, stream);
        await student.SayAsync("hello", "first");
        var log = await client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        var mine = log.Activities.First(a => a.From?.Role == RoleTypes.User && a.Text == "hello");
        student.Reference = mine.GetConversationReference();
        return student;
    }

    public static HandoffRequest Request(ConversationReference reference, string town = "kotka", string topic = "housing", string language = "en") => new(
        reference, language, town, "student", topic, "My landlord wants me out", "explicit",
        [
            new TranscriptLine(TranscriptSender.User, "hello", DateTimeOffset.UtcNow.AddMinutes(-2)),
            new TranscriptLine(TranscriptSender.Bot, "Hi! I am KokkaBot.", DateTimeOffset.UtcNow.AddMinutes(-2)),
            new TranscriptLine(TranscriptSender.User, "I want to talk to a person", DateTimeOffset.UtcNow.AddMinutes(-1)),
        ]);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>A student on Direct Line.</summary>
public sealed class Student(DirectLineTestClient client, string conversationId, string token, DirectLineSocket stream) : IAsyncDisposable
{
    private int _sent;

    public DirectLineTestClient Client => client;
    public string ConversationId => conversationId;
    public string Token => token;
    public DirectLineSocket Stream { get; set; } = stream;
    public ConversationReference Reference { get; set; } = new();

    public Task<string> SayAsync(string text, string? clientId = null) =>
        client.PostActivityAsync(conversationId, token, DirectLineTestClient.UserMessage(text, clientId ?? $"m{Interlocked.Increment(ref _sent)}"));

    public Task TypeAsync() => client.PostActivityAsync(conversationId, token, new Activity
    {
        Type = ActivityTypes.Typing,
        From = new ChannelAccount { Id = "r_webchat_made_up", Role = RoleTypes.User },
    });

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}

/// <summary>An advisor console on the real hub: every server call it receives, in order.</summary>
public sealed class AdvisorClient : IAsyncDisposable
{
    private readonly List<(string Name, object?[] Args)> _events = [];
    private readonly Lock _lock = new();

    public AdvisorClient(HubConnection hub)
    {
        Hub = hub;
        hub.On<IReadOnlyList<QueueItem>>(nameof(IAdvisorClient.QueueChanged), items => Record(nameof(IAdvisorClient.QueueChanged), items));
        hub.On<long, LineView>(nameof(IAdvisorClient.Message), (id, line) => Record(nameof(IAdvisorClient.Message), id, line));
        hub.On<long>(nameof(IAdvisorClient.UserTyping), id => Record(nameof(IAdvisorClient.UserTyping), id));
        hub.On<long, string>(nameof(IAdvisorClient.HandoffTaken), (id, name) => Record(nameof(IAdvisorClient.HandoffTaken), id, name));
        hub.On<long, string>(nameof(IAdvisorClient.HandoffEnded), (id, reason) => Record(nameof(IAdvisorClient.HandoffEnded), id, reason));
        hub.On<ConversationView>(nameof(IAdvisorClient.Assigned), view => Record(nameof(IAdvisorClient.Assigned), view));
    }

    public HubConnection Hub { get; }

    public Task<T> InvokeAsync<T>(string method, params object?[] args) =>
        Hub.InvokeCoreAsync<T>(method, args, TestContext.Current.CancellationToken);

    public int Count(string name)
    {
        lock (_lock)
            return _events.Count(e => e.Name == name);
    }

    /// <summary>Waits until the server has called <paramref name="name"/> with arguments that match.</summary>
    public async Task<object?[]> WaitForAsync(string name, Func<object?[], bool>? match = null, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (_lock)
            {
                var found = _events.FirstOrDefault(e => e.Name == name && (match is null || match(e.Args)));
                if (found.Name is not null)
                    return found.Args;
            }
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"The hub did not call {name} in time.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async Task<IReadOnlyList<QueueItem>> WaitForQueueAsync(Func<IReadOnlyList<QueueItem>, bool> match) =>
        (IReadOnlyList<QueueItem>)(await WaitForAsync(nameof(IAdvisorClient.QueueChanged), a => match((IReadOnlyList<QueueItem>)a[0]!)))[0]!;

    public async Task<LineView> WaitForLineAsync(long handoffId, Func<LineView, bool> match) =>
        (LineView)(await WaitForAsync(nameof(IAdvisorClient.Message), a => (long)a[0]! == handoffId && match((LineView)a[1]!)))[1]!;

    private void Record(string name, params object?[] args)
    {
        lock (_lock)
            _events.Add((name, args));
    }

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();
}

/// <summary>The test's <see cref="IHandoffNotifications"/>: records each call and says something the student can see.</summary>
public sealed class RecordingNotifications : IHandoffNotifications
{
    public ConcurrentQueue<(string Kind, long HandoffId, string? Advisor)> Calls { get; } = new();

    public async Task AcceptedAsync(TurnContext turn, long handoffId, string advisorName, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("accepted", handoffId, advisorName));
        await turn.SendActivityAsync($"[test] {advisorName} is here now", cancellationToken);
    }

    public async Task NoAdvisorYetAsync(TurnContext turn, long handoffId, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("no-advisor-yet", handoffId, null));
        await turn.SendActivityAsync("[test] nobody yet", cancellationToken);
    }

    public async Task EndedAsync(TurnContext turn, long handoffId, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("ended", handoffId, null));
        await turn.SendActivityAsync("[test] back to the bot", cancellationToken);
    }

    public int CountOf(string kind, long handoffId) => Calls.Count(c => c.Kind == kind && c.HandoffId == handoffId);

    public async Task WaitForAsync(string kind, long handoffId, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (CountOf(kind, handoffId) == 0)
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"No '{kind}' notification for handoff {handoffId}.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>What the bot side's handoff middleware does, reduced to the queue's view: forward while the queue holds the conversation.</summary>
public sealed class ForwardWhileHandedOff(IHandoffService handoffs) : IMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Typing
            && activity.Conversation?.Id is { } conversationId
            && await handoffs.StatusAsync(conversationId, cancellationToken) is not null)
        {
            if (activity.Type == ActivityTypes.Typing)
                await handoffs.ForwardUserTypingAsync(conversationId, cancellationToken);
            else
                await handoffs.ForwardUserMessageAsync(conversationId, activity, cancellationToken);
            return;
        }
        await next(cancellationToken);
    }
}

/// <summary>A clock that stands still at a chosen moment.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
