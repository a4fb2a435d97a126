using System.Globalization;
using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Conversation;
using KokkaBot.Handoff;

namespace KokkaBot.Escalation;

public sealed record RatingState
{
    public long HandoffId { get; init; }
}

/// <summary>After an advisor hands the conversation back: how was the help (1–5 stars, or skip), then the menu.</summary>
public sealed class RatingDialog(IHandoffService handoffs) : WaterfallDialog<RatingState>(DialogId)
{
    public const string DialogId = "handoff-rating";
    private const string Skip = "skip";

    protected override IEnumerable<WaterfallStep<RatingState>> Steps => [AskAsync, ThankAsync];

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext<RatingState> step, CancellationToken ct)
    {
        var t = step.Context.Texts();
        return await step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = MessageFactory.Text(t["handoff.rate"]),
            RetryPrompt = MessageFactory.Text(t["handoff.rate.retry"]),
            Choices =
            [
                // In order 1 to 5, with the number in the title: a typed "4" and a tapped "⭐⭐⭐⭐ 4" both mean four stars.
                .. Enumerable.Range(1, 5).Select(stars => new Choice(stars.ToString(CultureInfo.InvariantCulture), $"{new string('⭐', stars)} {stars}")),
                new Choice(Skip, t["handoff.rate.skip"]),
            ],
            Locale = t.Language,
        }, ct);
    }

    private async Task<DialogTurnResult> ThankAsync(WaterfallStepContext<RatingState> step, CancellationToken ct)
    {
        var t = step.Context.Texts();
        if (step.Result is FoundChoice { Value: not Skip } choice)
        {
            await handoffs.RateAsync(step.State.HandoffId, int.Parse(choice.Value, CultureInfo.InvariantCulture), ct);
            await step.Context.SendActivityAsync(t["handoff.rate.thanks"], ct);
        }
        return await step.ReplaceDialogAsync(DialogIds.Main, new MainState { Rounds = 1 }, ct);
    }
}
