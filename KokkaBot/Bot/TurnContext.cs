using KokkaBot.Bot.Schema;

namespace KokkaBot.Bot;

/// <summary>Runs when activities are about to be sent; call <c>next</c> to send them (or not).</summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(
    TurnContext turn, IReadOnlyList<Activity> activities, Func<Task<ResourceResponse[]>> next);

/// <summary>
/// One turn: the activity that arrived, the adapter of the channel it came from, and what the
/// turn has sent. Everything below the adapter sees only this, never the channel itself.
/// </summary>
public sealed class TurnContext(BotAdapter adapter, Activity activity)
{
    private readonly List<SendActivitiesHandler> _onSend = [];

    public BotAdapter Adapter { get; } = adapter;
    public Activity Activity { get; } = activity;

    /// <summary>Per-turn services and caches (loaded bot state, the invoke response…).</summary>
    public TurnState TurnState { get; } = new();

    /// <summary>True once the bot has sent a message-like activity in this turn.</summary>
    public bool Responded { get; private set; }

    public void OnSendActivities(SendActivitiesHandler handler) => _onSend.Add(handler);

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses.Length > 0 ? responses[0] : new ResourceResponse(null);
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        if (activities.Count == 0)
            return Task.FromResult(Array.Empty<ResourceResponse>());

        var reference = Activity.GetConversationReference();
        var outgoing = activities.Select(a => ApplyConversationReference(a, reference)).ToArray();
        return RunSendHandlers(0, outgoing, cancellationToken);
    }

    private Task<ResourceResponse[]> RunSendHandlers(int index, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (index < _onSend.Count)
            return _onSend[index](this, activities, () => RunSendHandlers(index + 1, activities, cancellationToken));

        if (activities.Any(a => a.Type is not ActivityTypes.Typing and not ActivityTypes.Trace))
            Responded = true;
        return Adapter.SendActivitiesAsync(this, activities, cancellationToken);
    }

    /// <summary>Addresses an outgoing activity to this turn's conversation (Connector §3.2: swap from/recipient, set replyToId).</summary>
    public static Activity ApplyConversationReference(Activity activity, ConversationReference reference) => activity with
    {
        ChannelId = reference.ChannelId,
        ServiceUrl = reference.ServiceUrl,
        Conversation = reference.Conversation,
        From = reference.Bot,
        Recipient = reference.User,
        ReplyToId = activity.ReplyToId ?? reference.ActivityId,
        Locale = activity.Locale ?? reference.Locale,
        Type = activity.Type ?? ActivityTypes.Message,
    };
}

/// <summary>A small typed bag for what one turn carries besides its activity.</summary>
public sealed class TurnState
{
    private readonly Dictionary<Type, object> _byType = [];
    private readonly Dictionary<string, object> _byName = new(StringComparer.Ordinal);

    public T? Get<T>() where T : class => _byType.TryGetValue(typeof(T), out var value) ? (T)value : null;

    public void Set<T>(T value) where T : class => _byType[typeof(T)] = value;

    public T? Get<T>(string name) where T : class => _byName.TryGetValue(name, out var value) ? value as T : null;

    public void Set<T>(string name, T value) where T : class => _byName[name] = value;
}
