using KokkaBot.Bot.Schema;

namespace KokkaBot.Bot;

/// <summary>
/// Dispatches a turn by activity type to overridable handlers, as Bot Builder's ActivityHandler does.
/// Unknown types are ignored (spec: bots tolerate unknown activity types).
/// </summary>
public abstract class ActivityHandler : IBot
{
    public virtual Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Activity.Type switch
    {
        ActivityTypes.Message => OnMessageActivityAsync(turn, cancellationToken),
        ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turn, cancellationToken),
        ActivityTypes.Event => OnEventActivityAsync(turn, cancellationToken),
        ActivityTypes.Invoke => OnInvokeActivityAsync(turn, cancellationToken),
        ActivityTypes.EndOfConversation => OnEndOfConversationActivityAsync(turn, cancellationToken),
        _ => OnUnrecognizedActivityTypeAsync(turn, cancellationToken),
    };

    protected virtual Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnConversationUpdateActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var added = turn.Activity.MembersAdded?
            .Where(m => m.Id is not null && m.Id != turn.Activity.Recipient?.Id)
            .ToArray();
        return added is { Length: > 0 } ? OnMembersAddedAsync(added, turn, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Members other than the bot itself joined the conversation.</summary>
    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, TurnContext turn, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnEventActivityAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Invokes need an answer; none set here means "not implemented" (the SDK's 501).</summary>
    protected virtual Task OnInvokeActivityAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnEndOfConversationActivityAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnUnrecognizedActivityTypeAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
}
