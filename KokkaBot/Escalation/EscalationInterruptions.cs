using KokkaBot.Answers;
using KokkaBot.Bot.Cards;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Conversation;
using KokkaBot.TextAnalysis;
using Microsoft.Extensions.Options;

namespace KokkaBot.Escalation;

/// <summary>
/// When the conversation should reach a person: the user asks for one (in words or with a button),
/// the message touches a sensitive topic (safety information first, then the offer), or the user is
/// clearly frustrated. Runs after the global commands and before questions are looked up.
/// </summary>
public sealed class EscalationInterruptions(ITextAnalyzer analyzer, IOptions<EscalationOptions> options) : IDialogInterruptions
{
    public const string TicketAction = "ticket";

    public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        switch (CardSubmit.GetAction(turn.Activity))
        {
            case EntryCards.AdvisorAction:
                await BeginAsync(dc, new EscalationState { Trigger = EscalationTrigger.Button }, cancellationToken);
                return true;
            case TicketAction:
                await BeginAsync(dc, new EscalationState { Trigger = EscalationTrigger.Button, MessageOnly = true }, cancellationToken);
                return true;
        }

        var text = turn.Activity.Text;
        if (string.IsNullOrWhiteSpace(text) || dc.ActiveDialog?.Id == EscalationDialog.DialogId || IsInsideEscalation(dc))
            return false;
        var t = turn.Texts();

        if (EscalationTriggers.SensitiveTopicOf(text) is not SensitiveTopic.None and var topic)
        {
            await turn.SendActivityAsync(t[$"handoff.safety.{topic.ToString().ToLowerInvariant()}"], cancellationToken);
            await BeginAsync(dc, new EscalationState { Trigger = EscalationTrigger.Sensitive, Topic = "sensitive", Offer = true }, cancellationToken);
            return true;
        }
        if (EscalationTriggers.AsksForAPerson(text))
        {
            await BeginAsync(dc, new EscalationState { Trigger = EscalationTrigger.Explicit }, cancellationToken);
            return true;
        }
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
        {
            var sentiment = await analyzer.AnalyzeSentimentAsync(text, t.Language, cancellationToken);
            if (sentiment is { Sentiment: Sentiment.Negative } && sentiment.Negative >= options.Value.FrustrationScore)
            {
                await turn.SendActivityAsync(t["handoff.frustration"], cancellationToken);
                await BeginAsync(dc, new EscalationState { Trigger = EscalationTrigger.Frustration, Offer = true }, cancellationToken);
                return true;
            }
        }
        return false;
    }

    public static Task BeginAsync(DialogContext dc, EscalationState state, CancellationToken cancellationToken) =>
        dc.BeginDialogAsync(EscalationDialog.DialogId, state, cancellationToken);

    /// <summary>The escalation's own prompts (the reason, the message) take any text.</summary>
    private static bool IsInsideEscalation(DialogContext dc) => dc.Stack.Count > 1 && dc.Stack[1].Id == EscalationDialog.DialogId;
}
