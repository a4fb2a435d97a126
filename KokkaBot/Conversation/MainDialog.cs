using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;

namespace KokkaBot.Conversation;

public sealed record MainState
{
    /// <summary>How many topics the user has been through in this round of the menu.</summary>
    public int Rounds { get; init; }
}

/// <summary>The root of every conversation: first questions for new users, then the main menu, again and again.</summary>
public sealed class MainDialog(Profiles profiles) : WaterfallDialog<MainState>(DialogIds.Main)
{
    protected override IEnumerable<WaterfallStep<MainState>> Steps => [EnsureProfileAsync, ShowMenuAsync, AnswerAsync];

    private async Task<DialogTurnResult> EnsureProfileAsync(WaterfallStepContext<MainState> step, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(step.Context, cancellationToken);
        return profile.IsOnboarded
            ? await step.NextAsync(null, cancellationToken)
            : await step.BeginDialogAsync(DialogIds.Onboarding, null, cancellationToken);
    }

    private async Task<DialogTurnResult> ShowMenuAsync(WaterfallStepContext<MainState> step, CancellationToken cancellationToken)
    {
        var t = step.Context.Texts();
        return await step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = MessageFactory.Text(t[step.State.Rounds == 0 ? "menu.prompt" : "menu.prompt.again"]),
            RetryPrompt = MessageFactory.Text(t["menu.retry"]),
            Choices = MainMenu.Choices(t),
            Locale = t.Language,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<MainState> step, CancellationToken cancellationToken)
    {
        var area = (FoundChoice)step.Result!;
        var profile = await profiles.GetAsync(step.Context, cancellationToken);
        await MainMenu.AnswerAsync(step.Context, profile, area.Value, cancellationToken);
        return await step.ReplaceDialogAsync(DialogIds.Main, new MainState { Rounds = step.State.Rounds + 1 }, cancellationToken);
    }
}
