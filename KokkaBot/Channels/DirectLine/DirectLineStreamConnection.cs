using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using KokkaBot.Bot.Schema;
using Microsoft.Extensions.Options;

namespace KokkaBot.Channels.DirectLine;

/// <summary>
/// One client's WebSocket: first the activities after its watermark from the log, then what
/// arrives live, as ActivitySet frames; empty frames keep an idle connection alive. What the client
/// sends is ignored (DirectLineJS sends empty pings).
/// </summary>
public sealed partial class DirectLineStreamConnection(DirectLineStore store, DirectLineStreams streams, IOptions<DirectLineOptions> options, ILogger<DirectLineStreamConnection> logger)
{
    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken requestAborted)
    {
        // Subscribe before reading the log, so nothing published in between is missed; duplicates are dropped by sequence.
        var subscriber = streams.Subscribe(conversationId);
        using var receiveStop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        using var sendStop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, subscriber.Closed);
        var receiving = ReceiveUntilClosedAsync(socket, sendStop, receiveStop.Token);
        try
        {
            var sent = await ReplayAsync(socket, conversationId, watermark, sendStop.Token);
            await ForwardLiveAsync(socket, subscriber, sent, sendStop.Token);
        }
        catch (OperationCanceledException)
        {
            // The client left, or another socket took over the conversation.
        }
        catch (WebSocketException e)
        {
            LogSocketFailed(e, conversationId);
        }
        finally
        {
            streams.Unsubscribe(subscriber);
            subscriber.Dispose();
            await CloseAsync(socket, subscriber.CloseReason);
            // Give the client a moment to answer the close, then stop listening.
            await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
            await receiveStop.CancelAsync();
            await receiving;
        }
    }

    private async Task<long> ReplayAsync(WebSocket socket, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        var sent = watermark;
        while (true)
        {
            var page = await store.ReadAfterAsync(conversationId, sent, pageSize, cancellationToken);
            if (page.Count == 0)
                return sent;
            sent = page[^1].Sequence;
            await SendAsync(socket, page.Select(p => p.Activity).ToArray(), sent, cancellationToken);
            if (page.Count < pageSize)
                return sent;
        }
    }

    private async Task ForwardLiveAsync(WebSocket socket, StreamSubscriber subscriber, long sent, CancellationToken cancellationToken)
    {
        var keepAlive = options.Value.KeepAliveInterval;
        while (true)
        {
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                idle.CancelAfter(keepAlive);
                try
                {
                    if (!await subscriber.Items.WaitToReadAsync(idle.Token))
                        return;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                    continue;
                }
            }

            var batch = new List<Activity>();
            long? last = null;
            while (subscriber.Items.TryRead(out var item))
            {
                if (item.Sequence is { } sequence)
                {
                    if (sequence <= sent)
                        continue;
                    sent = sequence;
                    last = sequence;
                }
                batch.Add(item.Activity);
            }
            if (batch.Count > 0)
                await SendAsync(socket, batch, last, cancellationToken);
        }
    }

    private static Task SendAsync(WebSocket socket, IReadOnlyList<Activity> activities, long? watermark, CancellationToken cancellationToken)
    {
        // A frame of typing only carries no watermark: the client keeps the one it has.
        var set = new ActivitySet(activities, watermark?.ToString(CultureInfo.InvariantCulture));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(set, BotJsonContext.Default.ActivitySet);
        return socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>Reads (and ignores) what the client sends until it closes; then stops the sending side too.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource stopSending, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Gone either way.
        }
        await stopSending.CancelAsync();
    }

    private static async Task CloseAsync(WebSocket socket, StreamCloseReason reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        var (status, description) = reason switch
        {
            StreamCloseReason.Collision => (WebSocketCloseStatus.PolicyViolation, "collision"),
            StreamCloseReason.Overflow => (WebSocketCloseStatus.InternalServerError, "overflow: reconnect with your watermark"),
            _ => (WebSocketCloseStatus.NormalClosure, "closed"),
        };
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, description, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The other side is already gone.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Direct Line stream of {ConversationId} failed")]
    private partial void LogSocketFailed(Exception exception, string conversationId);
}
