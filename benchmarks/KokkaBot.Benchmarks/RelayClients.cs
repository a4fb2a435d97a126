using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using KokkaBot.Handoff;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace KokkaBot.Benchmarks;

/// <summary>
/// One relayed message and its answer: t0 when the student posts, t1 when the advisor's console hears
/// it, the moment just before the advisor invokes Send, and t2 when the student's stream carries the reply;
/// besides, for telling where the time goes, when the student's POST and the advisor's Send returned.
/// All are <see cref="Stopwatch.GetTimestamp"/> of this one process, so no clocks need to agree.
/// </summary>
public sealed class Probe(string token)
{
    private readonly TaskCompletionSource _returned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _advisorHeard;
    private long _replySent;
    private long _sendReturned;
    private long _studentHeard;

    public string Token => token;
    public long Posted { get; set; }
    public long PostReturned { get; set; }
    public long AdvisorHeard => Volatile.Read(ref _advisorHeard);
    public long ReplySent => Volatile.Read(ref _replySent);
    public long SendReturned => Volatile.Read(ref _sendReturned);
    public long StudentHeard => Volatile.Read(ref _studentHeard);
    public string? Failure { get; private set; }
    public Task Returned => _returned.Task;

    /// <summary>Done when the advisor's Send has returned (or failed); the student usually has the answer before.</summary>
    public Task Answered => _answered.Task;

    public void MarkAdvisorHeard(long at) => Volatile.Write(ref _advisorHeard, at);

    public void MarkReplySent(long at) => Volatile.Write(ref _replySent, at);

    public void MarkSendReturned(long at)
    {
        Volatile.Write(ref _sendReturned, at);
        _answered.TrySetResult();
    }

    public void MarkStudentHeard(long at)
    {
        Volatile.Write(ref _studentHeard, at);
        _returned.TrySetResult();
    }

    public void Fail(string why)
    {
        Failure ??= why;
        _returned.TrySetResult();
        _answered.TrySetResult();
    }

    /// <summary>The token is the last word of both the question and the answer.</summary>
    public static string? TokenOf(string? text) =>
        text is null ? null : text[(text.LastIndexOf(' ') + 1)..];
}

/// <summary>A student on the product's Direct Line, as Web Chat talks to it: token, conversation, WebSocket, POSTed activities.</summary>
public sealed class Student : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<string, Probe> _probes;
    // Bot texts that are not probe answers, for the scripted onboarding to wait on.
    private readonly Channel<string> _inbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _sent;

    private Student(HttpClient http, string conversationId, string token, ClientWebSocket socket, ConcurrentDictionary<string, Probe> probes)
    {
        _http = http;
        ConversationId = conversationId;
        Token = token;
        _socket = socket;
        _probes = probes;
        _reader = Task.Run(ReadAsync);
    }

    public string ConversationId { get; }
    public string Token { get; }

    public static async Task<Student> StartAsync(HttpClient http, string secret, ConcurrentDictionary<string, Probe> probes, CancellationToken ct)
    {
        // As a web page does it: the server trades the secret for a token, the browser only ever holds the token.
        var generated = await PostJsonAsync(http, "v3/directline/tokens/generate", secret, new { }, ct);
        var token = generated.GetProperty("token").GetString()!;
        var started = await PostJsonAsync(http, "v3/directline/conversations", token, new { locale = "en-US" }, ct);
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), ct);
        return new Student(http, started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!, socket, probes);
    }

    public async Task SayAsync(string text, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _sent);
        await PostJsonAsync(_http, $"v3/directline/conversations/{ConversationId}/activities", Token, new
        {
            type = "message",
            text,
            locale = "en-US",
            channelId = "webchat",
            from = new { id = "r_webchat_bench", role = "user" },
            channelData = new { clientActivityID = $"bench-{ConversationId}-{id}" },
        }, ct);
    }

    /// <summary>Waits for a bot message whose text matches; earlier bot messages are skipped.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        limit.CancelAfter(timeout);
        try
        {
            await foreach (var text in _inbox.Reader.ReadAllAsync(limit.Token))
            {
                if (match(text))
                    return text;
            }
        }
        catch (OperationCanceledException)
        {
        }
        throw new TimeoutException($"Conversation {ConversationId}: the expected bot message did not arrive in {timeout.TotalSeconds:F0} s.");
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                frame.SetLength(0);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                        return;
                    frame.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                // Taken when the frame is complete, before parsing: parsing is the client's cost, not the relay's.
                var at = Stopwatch.GetTimestamp();
                if (frame.Length == 0)
                    continue; // keep-alive
                using var set = JsonDocument.Parse(frame.GetBuffer().AsMemory(0, (int)frame.Length));
                foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
                    Dispatch(activity, at);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Stopped, or the server went away: any waiting probe times out and is counted as lost.
        }
    }

    private void Dispatch(JsonElement activity, long at)
    {
        if (activity.GetProperty("type").GetString() != "message"
            || !activity.TryGetProperty("from", out var from) || from.TryGetProperty("role", out var role) && role.GetString() == "user")
            return; // the student's own echo
        var text = activity.TryGetProperty("text", out var t) ? t.GetString() : null;
        var fromAdvisor = activity.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty(HandoffDelivery.ChannelDataKey, out var kokka) && kokka.TryGetProperty("advisor", out _);
        if (fromAdvisor && Probe.TokenOf(text) is { } token && _probes.TryGetValue(token, out var probe))
            probe.MarkStudentHeard(at);
        else if (text is not null)
            _inbox.Writer.TryWrite(text);
    }

    private static async Task<JsonElement> PostJsonAsync(HttpClient http, string path, string bearer, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request, ct);
        var json = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"POST {path}: HTTP {(int)response.StatusCode} {json}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server went first.
            }
        }
        await _stop.CancelAsync();
        await _reader;
        _socket.Dispose();
        _stop.Dispose();
    }
}

/// <summary>
/// An advisor's console on the real hub. It answers every probe question at once with the same
/// token, as an advisor who types infinitely fast would: what is left is the product's relay time.
/// </summary>
public sealed partial class AdvisorConsole : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly ConcurrentDictionary<string, Probe> _probes;

    private AdvisorConsole(HubConnection hub, ConcurrentDictionary<string, Probe> probes)
    {
        _hub = hub;
        _probes = probes;
        _hub.On<long, LineView>(nameof(IAdvisorClient.Message), OnMessage);
    }

    public static async Task<AdvisorConsole> ConnectAsync(Uri baseAddress, string email, string password, ConcurrentDictionary<string, Probe> probes, CancellationToken ct)
    {
        var cookies = await SignInAsync(baseAddress, email, password, ct);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, AdvisorHub.Path.TrimStart('/')), options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var console = new AdvisorConsole(hub, probes);
        await hub.StartAsync(ct);
        return console;
    }

    public Task<IReadOnlyList<QueueItem>> QueueAsync(CancellationToken ct) => _hub.InvokeAsync<IReadOnlyList<QueueItem>>("GetQueue", ct);

    public Task<AcceptResult> AcceptAsync(long handoffId, CancellationToken ct) => _hub.InvokeAsync<AcceptResult>("Accept", handoffId, ct);

    private Task OnMessage(long handoffId, LineView line)
    {
        var at = Stopwatch.GetTimestamp();
        if (line.From == "user" && Probe.TokenOf(line.Text) is { } token && _probes.TryGetValue(token, out var probe))
        {
            probe.MarkAdvisorHeard(at);
            // Not awaited: the client runs handlers one at a time on its receive loop, and an
            // invocation awaited here could not get its completion until the handler returned.
            _ = ReplyAsync(handoffId, probe);
        }
        return Task.CompletedTask;
    }

    private async Task ReplyAsync(long handoffId, Probe probe)
    {
        try
        {
            probe.MarkReplySent(Stopwatch.GetTimestamp());
            var result = await _hub.InvokeAsync<SendResult>("Send", handoffId, $"Answer {probe.Token}");
            probe.MarkSendReturned(Stopwatch.GetTimestamp());
            if (!result.Sent)
                probe.Fail($"Send refused: {result.Reason}");
        }
        catch (Exception e)
        {
            probe.Fail($"Send failed: {e.GetType().Name} {e.Message}");
        }
    }

    /// <summary>The staff sign-in page, as a browser fills it in (antiforgery token and all); returns the cookie jar with kokka.staff.</summary>
    private static async Task<CookieContainer> SignInAsync(Uri baseAddress, string email, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var page = await client.GetStringAsync("staff/signin", ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
        });
        using var response = await client.PostAsync("staff/signin", form, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: HTTP {(int)response.StatusCode}.");
        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
