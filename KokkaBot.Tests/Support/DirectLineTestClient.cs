using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using KokkaBot.Bot.Schema;
using KokkaBot.Channels.DirectLine;

namespace KokkaBot.Tests.Support;

/// <summary>A Direct Line client as DirectLineJS behaves: REST calls with a bearer credential and the WebSocket stream.</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? bearer, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is string raw)
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        else if (body is Activity activity)
            request.Content = new ByteArrayContent(BotJson.SerializeToUtf8Bytes(activity)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        else if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    public async Task<DirectLineConversation> StartConversationAsync(string bearer, object? parameters = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "v3/directline/conversations", bearer, parameters);
        Assert.Equal(expected, status);
        return body.Deserialize<DirectLineConversation>(JsonSerializerOptions.Web)!;
    }

    public async Task<string> PostActivityAsync(string conversationId, string bearer, Activity activity)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", bearer, activity);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("id").GetString()!;
    }

    public async Task<ActivitySet> GetActivitiesAsync(string conversationId, string bearer, string? watermark = null)
    {
        var query = watermark is null ? "" : $"?watermark={watermark}";
        var (status, body) = await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities{query}", bearer);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.Deserialize(BotJsonContext.Default.ActivitySet)!;
    }

    /// <summary>A user message as Web Chat posts it, stamped with a clientActivityID.</summary>
    public static Activity UserMessage(string text, string clientActivityId, string locale = "en-US") => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Locale = locale,
        ChannelId = "webchat",
        From = new ChannelAccount { Id = "r_webchat_made_up", Role = RoleTypes.User },
        ChannelData = JsonSerializer.SerializeToElement(new { clientActivityID = clientActivityId }),
    };

    public static async Task<DirectLineSocket> OpenStreamAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), TestContext.Current.CancellationToken);
        return new DirectLineSocket(socket);
    }
}

/// <summary>The receiving end of a Direct Line WebSocket.</summary>
public sealed class DirectLineSocket(ClientWebSocket socket) : IAsyncDisposable
{
    private readonly List<Activity> _seen = [];

    public ClientWebSocket Socket => socket;
    public IReadOnlyList<Activity> Seen => _seen;
    public string? Watermark { get; private set; }
    public int KeepAlives { get; private set; }
    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;
    public string? CloseDescription => socket.CloseStatusDescription;

    /// <summary>Reads frames until an activity matches, or fails after the timeout.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, TimeSpan? timeout = null)
    {
        if (_seen.FirstOrDefault(match) is { } already)
            return already;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var set = await ReceiveAsync(limit.Token)
                ?? throw new InvalidOperationException($"The stream closed ({socket.CloseStatus} {socket.CloseStatusDescription}) before the activity arrived.");
            if (set.Activities.FirstOrDefault(match) is { } found)
                return found;
        }
    }

    /// <summary>The next non-empty frame, or null when the server closed the socket.</summary>
    public async Task<ActivitySet?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                    return null;
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length == 0)
            {
                KeepAlives++;
                continue;
            }
            var set = JsonSerializer.Deserialize(message.ToArray(), BotJsonContext.Default.ActivitySet)!;
            if (set.Watermark is not null)
                Watermark = set.Watermark;
            _seen.AddRange(set.Activities);
            return set;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server went first.
            }
        }
        socket.Dispose();
    }
}
