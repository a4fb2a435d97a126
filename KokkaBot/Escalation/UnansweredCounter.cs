using KokkaBot.Answers;
using KokkaBot.Bot;
using KokkaBot.Conversation;
using Microsoft.Extensions.Options;

namespace KokkaBot.Escalation;

/// <summary>Counts the questions in a row the bot could not answer; at Escalation:UnansweredInRow it is time to offer a person.</summary>
public sealed class UnansweredCounter(HandoffFlagsStore flags, IOptions<EscalationOptions> options)
{
    public static EscalationState Offer { get; } = new() { Trigger = EscalationTrigger.Unanswered, Offer = true };

    /// <returns>True when a person should be offered now.</returns>
    public async Task<bool> RecordAsync(TurnContext turn, AnswerOutcome outcome, CancellationToken cancellationToken)
    {
        var current = await flags.GetAsync(turn, cancellationToken);
        var count = outcome == AnswerOutcome.Unknown ? current.UnansweredInRow + 1 : 0;
        var offer = count >= options.Value.UnansweredInRow;
        if (offer)
            await turn.SendActivityAsync(turn.Texts()["handoff.unanswered"], cancellationToken);
        await flags.SetAsync(turn, current with { UnansweredInRow = offer ? 0 : count }, cancellationToken);
        return offer;
    }
}
