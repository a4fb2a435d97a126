using System.Collections.Concurrent;
using System.Threading.Channels;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Channels.DirectLine;

/// <summary>An activity on its way to a WebSocket; typing activities have no sequence (they are not logged).</summary>
public sealed record StreamItem(Activity Activity, long? Sequence);

/// <summary>
/// The open WebSockets, one per conversation (a second one closes the first with "collision", as the
/// real service does), and the fan-out of new activities to them.
/// </summary>
public sealed class DirectLineStreams
{
    private readonly ConcurrentDictionary<string, StreamSubscriber> _subscribers = new(StringComparer.Ordinal);

    public StreamSubscriber Subscribe(string conversationId)
    {
        var subscriber = new StreamSubscriber(conversationId);
        _subscribers.AddOrUpdate(conversationId, subscriber, (_, previous) =>
        {
            previous.Close(StreamCloseReason.Collision);
            return subscriber;
        });
        return subscriber;
    }

    public void Unsubscribe(StreamSubscriber subscriber) =>
        _subscribers.TryRemove(new KeyValuePair<string, StreamSubscriber>(subscriber.ConversationId, subscriber));

    public void Publish(string conversationId, IEnumerable<StreamItem> items)
    {
        if (_subscribers.TryGetValue(conversationId, out var subscriber))
        {
            foreach (var item in items)
                subscriber.Offer(item);
        }
    }

    public bool IsConnected(string conversationId) => _subscribers.ContainsKey(conversationId);
}

public enum StreamCloseReason
{
    None,
    Collision,

    /// <summary>The client reads too slowly; it reconnects and replays from its watermark, so nothing is lost.</summary>
    Overflow,
}

public sealed class StreamSubscriber(string conversationId) : IDisposable
{
    private const int Capacity = 1024;
    private readonly Channel<StreamItem> _items = Channel.CreateBounded<StreamItem>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly CancellationTokenSource _closed = new();

    public string ConversationId { get; } = conversationId;
    public ChannelReader<StreamItem> Items => _items.Reader;
    public CancellationToken Closed => _closed.Token;
    public StreamCloseReason CloseReason { get; private set; }

    public void Dispose() => _closed.Dispose();

    public void Offer(StreamItem item)
    {
        if (!_items.Writer.TryWrite(item))
            Close(StreamCloseReason.Overflow);
    }

    public void Close(StreamCloseReason reason)
    {
        if (CloseReason == StreamCloseReason.None)
            CloseReason = reason;
        _items.Writer.TryComplete();
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
