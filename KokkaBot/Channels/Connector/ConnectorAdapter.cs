using System.Text.Json;
using KokkaBot.Bot;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Channels.Connector;

/// <summary>What <c>/api/messages</c> answers after a turn.</summary>
public sealed record ConnectorTurnResult(int Status, object? Body);

/// <summary>
/// The Bot Connector channel (Azure Bot Service, Teams, the Emulator): replies go back over HTTP to
/// the activity's serviceUrl, or, for <c>expectReplies</c>, into the HTTP response of the request.
/// </summary>
public sealed class ConnectorAdapter(BotPipeline pipeline, ConversationLocks locks, ConnectorClient connector) : BotAdapter(pipeline, locks)
{
    public async Task<ConnectorTurnResult> ProcessActivityAsync(Activity activity, ChannelAuthResult auth, CancellationToken cancellationToken)
    {
        // callerId is never trusted from the wire (protocols §2.1); only authentication sets it.
        var turn = new TurnContext(this, activity with { CallerId = auth.CallerId });
        if (activity.ExpectsReplies)
            turn.TurnState.Set(new RepliesBuffer());

        await RunTurnAsync(turn, null, cancellationToken);

        if (turn.TurnState.Get<RepliesBuffer>() is { } buffer)
            return new ConnectorTurnResult(StatusCodes.Status200OK, new ExpectedReplies(buffer.Activities));
        if (activity.Type == ActivityTypes.Invoke)
        {
            return turn.TurnState.Get<InvokeResponse>() is { } invoke
                ? new ConnectorTurnResult(invoke.Status, invoke.Body)
                : new ConnectorTurnResult(StatusCodes.Status501NotImplemented, null);
        }
        return new ConnectorTurnResult(StatusCodes.Status200OK, null);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(TurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        var buffer = turn.TurnState.Get<RepliesBuffer>();
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (buffer is not null)
            {
                buffer.Activities.Add(activity);
                responses[i] = new ResourceResponse(null);
            }
            else
            {
                responses[i] = await connector.SendAsync(activity, cancellationToken);
            }
        }
        return responses;
    }

    /// <summary>The activities a turn sent when the caller asked for them in the response.</summary>
    private sealed class RepliesBuffer
    {
        public List<Activity> Activities { get; } = [];
    }
}

/// <summary>For invoke handlers: the answer that becomes the HTTP response.</summary>
public static class InvokeResponses
{
    public static void SetInvokeResponse(this TurnContext turn, int status, JsonElement? body = null) =>
        turn.TurnState.Set(new InvokeResponse(status, body));
}
