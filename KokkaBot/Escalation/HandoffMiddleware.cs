using KokkaBot.Bot;
using KokkaBot.Bot.Cards;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation;
using KokkaBot.Conversation.Texts;
using KokkaBot.Handoff;
using IMiddleware = KokkaBot.Bot.IMiddleware;

namespace KokkaBot.Escalation;

/// <summary>
/// While an advisor holds the conversation (or the user waits for one), the bot stays silent: what
/// the user writes goes to the advisor, typing too. Waiting users can leave the queue with "cancel".
/// Reads the conversation's own state, so a turn without a handoff costs no database query.
/// </summary>
public sealed class HandoffMiddleware(HandoffFlagsStore flags, IHandoffService handoffs, BotTexts texts) : IMiddleware
{
    /// <summary>"Cancel" and the cancel button's text in every language the bot speaks.</summary>
    private readonly HashSet<string> _cancel = CancelWords
        .Concat(Languages.All.Select(l => ChoiceRecognizer.Normalize(texts.For(l.Code)["handoff.cancel.button"])))
        .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> CancelWords = new[]
    {
        "cancel", "stop waiting", "peruuta", "lopeta", "avbryt", "отмена", "отменить", "скасувати", "إلغاء",
    }.Select(ChoiceRecognizer.Normalize).ToHashSet(StringComparer.Ordinal);

    public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Typing))
        {
            await next(cancellationToken);
            return;
        }
        var current = await flags.GetAsync(turn, cancellationToken);
        if (!current.IsHandedOff)
        {
            await next(cancellationToken);
            return;
        }
        if (current.ViaHub)
            return; // The contact-centre hub has the conversation: the bot keeps out of it.
        var conversationId = activity.Conversation?.Id ?? "";
        if (activity.Type == ActivityTypes.Typing)
        {
            await handoffs.ForwardUserTypingAsync(conversationId, cancellationToken);
            return;
        }

        if (current.Status == HandoffStatus.Queued && _cancel.Contains(ChoiceRecognizer.Normalize(activity.Text)))
        {
            await handoffs.CancelAsync(conversationId, cancellationToken);
            await flags.SetAsync(turn, current with { HandoffId = null, Status = null }, cancellationToken);
            var t = turn.Texts();
            await turn.SendActivityAsync(MessageFactory.SuggestedActions(t["handoff.cancelled"],
            [
                CardActions.MessageBack(t["handoff.leave-message"], CardSubmit.Data(EscalationInterruptions.TicketAction), t["handoff.leave-message"]),
                CardAction.ImBack(t["menu.button"]),
            ]), cancellationToken);
            return;
        }
        await handoffs.ForwardUserMessageAsync(conversationId, activity, cancellationToken);
    }
}
