using KokkaBot.Bot;
using KokkaBot.Bot.Cards;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation;
using KokkaBot.Handoff;

namespace KokkaBot.Escalation;

/// <summary>
/// <c>handoff.status</c> from an external contact-centre hub (Escalation:Mode = Hub): accepted → an
/// agent has the conversation; failed → the bot says so and offers to leave a message; completed →
/// the bot takes over again and asks for a rating. Accepted in any mode, never rejected.
/// </summary>
public sealed class HubHandoffStatus(HandoffFlagsStore flags, IHandoffNotifications notifications)
{
    public async Task StatusAsync(TurnContext turn, string state, CancellationToken cancellationToken)
    {
        var current = await flags.GetAsync(turn, cancellationToken);
        if (!current.ViaHub)
            return;
        switch (state)
        {
            case "accepted":
                await flags.SetAsync(turn, current with { Status = HandoffStatus.Active }, cancellationToken);
                break;
            case "failed":
                await flags.SetAsync(turn, current with { Status = null, ViaHub = false }, cancellationToken);
                var t = turn.Texts();
                await turn.SendActivityAsync(MessageFactory.SuggestedActions(t["handoff.failed"],
                [
                    CardActions.MessageBack(t["handoff.leave-message"], CardSubmit.Data(EscalationInterruptions.TicketAction), t["handoff.leave-message"]),
                    CardAction.ImBack(t["menu.button"]),
                ]), cancellationToken);
                break;
            case "completed":
                await notifications.EndedAsync(turn, current.HandoffId ?? 0, cancellationToken);
                break;
        }
    }
}
