using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation;
using KokkaBot.Handoff;

namespace KokkaBot.Escalation;

/// <summary>What the student hears when the advisor side moves: accepted, nobody yet, handed back.</summary>
public sealed class HandoffNotifications(HandoffFlagsStore flags, IServiceProvider services) : IHandoffNotifications
{
    public async Task AcceptedAsync(TurnContext turn, long handoffId, string advisorName, CancellationToken cancellationToken)
    {
        var current = await flags.GetAsync(turn, cancellationToken);
        await flags.SetAsync(turn, current with { HandoffId = handoffId, Status = HandoffStatus.Active }, cancellationToken);
        await turn.SendActivityAsync(turn.Texts().Format("handoff.accepted", ("advisor", advisorName)), cancellationToken);
    }

    public async Task RequeuedAsync(TurnContext turn, long handoffId, string teamName, CancellationToken cancellationToken)
    {
        var current = await flags.GetAsync(turn, cancellationToken);
        await flags.SetAsync(turn, current with { HandoffId = handoffId, Status = HandoffStatus.Queued }, cancellationToken);
        await turn.SendActivityAsync(turn.Texts().Format("handoff.requeued", ("team", teamName)), cancellationToken);
    }

    public async Task NoAdvisorYetAsync(TurnContext turn, long handoffId, CancellationToken cancellationToken)
    {
        var t = turn.Texts();
        await turn.SendActivityAsync(MessageFactory.SuggestedActions(t["handoff.waiting"],
            [CardAction.ImBack(t["handoff.keep-waiting"]), CardAction.ImBack(t["handoff.cancel.button"])]), cancellationToken);
    }

    public async Task EndedAsync(TurnContext turn, long handoffId, CancellationToken cancellationToken)
    {
        var current = await flags.GetAsync(turn, cancellationToken);
        await flags.SetAsync(turn, current with { HandoffId = null, Status = null, ViaHub = false, UnansweredInRow = 0, Recent = [] }, cancellationToken);
        await turn.SendActivityAsync(turn.Texts()["handoff.ended"], cancellationToken);
        // The dialogs are resolved here, not injected: they need this class's siblings.
        var dc = await services.GetRequiredService<DialogRunner>().CreateContextAsync(turn, cancellationToken);
        await dc.CancelAllDialogsAsync(cancellationToken);
        await dc.BeginDialogAsync(RatingDialog.DialogId, new RatingState { HandoffId = handoffId }, cancellationToken);
    }
}
