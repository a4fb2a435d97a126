using KokkaBot.Bot;
using KokkaBot.Bot.State;
using KokkaBot.Handoff;

namespace KokkaBot.Escalation;

/// <summary>What a conversation remembers about people: its handoff, if any, and how often the bot could not answer.</summary>
public sealed record HandoffFlags
{
    public long? HandoffId { get; init; }
    public HandoffStatus? Status { get; init; }

    /// <summary>Handed to an external contact-centre hub (handoff.initiate sent), not to our console.</summary>
    public bool ViaHub { get; init; }

    public int UnansweredInRow { get; init; }

    /// <summary>The last lines of the conversation, handed to the advisor with the request.</summary>
    public List<TranscriptLine> Recent { get; init; } = [];

    public bool IsHandedOff => Status is HandoffStatus.Queued or HandoffStatus.Active;
}

/// <summary>Typed access to <see cref="HandoffFlags"/> in ConversationState.</summary>
public sealed class HandoffFlagsStore(ConversationState conversationState)
{
    private readonly StatePropertyAccessor<HandoffFlags> _flags = conversationState.CreateProperty<HandoffFlags>("handoff");

    public Task<HandoffFlags> GetAsync(TurnContext turn, CancellationToken cancellationToken) =>
        _flags.GetAsync(turn, () => new HandoffFlags(), cancellationToken);

    public Task SetAsync(TurnContext turn, HandoffFlags flags, CancellationToken cancellationToken) =>
        _flags.SetAsync(turn, flags, cancellationToken);
}
