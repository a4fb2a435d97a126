using KokkaBot.Bot;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Channels.DirectLine;

/// <summary>
/// The built-in Direct Line channel: what the bot sends is appended to the conversation's log and
/// pushed to its WebSocket. Typing indicators only travel over the socket.
/// </summary>
public sealed class DirectLineAdapter(BotPipeline pipeline, ConversationLocks locks, DirectLineStore store, DirectLineStreams streams)
    : BotAdapter(pipeline, locks)
{
    public const string ChannelId = "directline";

    public Task ProcessActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        RunTurnAsync(new TurnContext(this, activity), null, cancellationToken);

    public override async Task<ResourceResponse[]> SendActivitiesAsync(TurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var conversationId = turn.Activity.Conversation?.Id
            ?? throw new InvalidOperationException("A Direct Line turn without a conversation id.");
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i] with { ServiceUrl = null, From = activities[i].From is { } bot ? bot with { Role = RoleTypes.Bot } : null };
            if (activity.Type == ActivityTypes.Typing)
            {
                var typing = activity with { Id = $"{conversationId}|typing-{Guid.NewGuid():N}", Timestamp = DateTimeOffset.UtcNow };
                streams.Publish(conversationId, [new StreamItem(typing, null)]);
                responses[i] = new ResourceResponse(typing.Id);
                continue;
            }
            var logged = await store.AppendAsync(conversationId, [activity], cancellationToken);
            streams.Publish(conversationId, logged.Select(l => new StreamItem(l.Activity, l.Sequence)));
            responses[i] = new ResourceResponse(logged[0].Activity.Id);
        }
        return responses;
    }

    /// <summary>Logs a user's activity (the echo Web Chat waits for) and pushes it to the socket.</summary>
    public async Task<LoggedActivity> LogIncomingAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation!.Id!;
        var logged = await store.AppendAsync(conversationId, [activity], cancellationToken);
        streams.Publish(conversationId, logged.Select(l => new StreamItem(l.Activity, l.Sequence)));
        return logged[0];
    }
}
