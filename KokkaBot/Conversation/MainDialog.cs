using KokkaBot.Answers;
using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Escalation;
using KokkaBot.ServicePaths;

namespace KokkaBot.Conversation;

public sealed record MainState
{
    /// <summary>How many topics the user has been through in this round of the menu.</summary>
    public int Rounds { get; init; }

    /// <summary>"Where was I?": go straight back into the latest unfinished path.</summary>
    public bool Resume { get; init; }

    /// <summary>The user chose "ask a question": the next answer is a question.</summary>
    public bool Asking { get; init; }
}

/// <summary>
/// The root of every conversation: first questions for new users, then the main menu, again and
/// again. A menu item starts its service path; "ask a question" answers from the knowledge base.
/// </summary>
public sealed class MainDialog(Profiles profiles, ServicePathCatalog paths, PathSteps pathSteps, KnowledgeAnswers answers, UnansweredCounter unanswered)
    : WaterfallDialog<MainState>(DialogIds.Main)
{
    private sealed record ResumePath(ServicePath Path);

    protected override IEnumerable<WaterfallStep<MainState>> Steps => [EnsureProfileAsync, ShowMenuAsync, StartAreaAsync, FinishAreaAsync];

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
        if (step.State.Resume)
        {
            if (await pathSteps.ResumableAsync(step.Context, cancellationToken) is { } path)
                return await step.NextAsync(new ResumePath(path), cancellationToken);
            await step.Context.SendActivityAsync(t["resume.none"], cancellationToken);
        }

        var standings = await pathSteps.StandingsAsync(step.Context, cancellationToken);
        var progress = standings.ToDictionary(s => s.Path.Menu, s => (s.Done, s.Total), StringComparer.Ordinal);
        return await step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = MessageFactory.Text(t[step.State.Rounds == 0 ? "menu.prompt" : "menu.prompt.again"]),
            RetryPrompt = MessageFactory.Text(t["menu.retry"]),
            Choices = MainMenu.Choices(t, progress),
            Locale = t.Language,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> StartAreaAsync(WaterfallStepContext<MainState> step, CancellationToken cancellationToken)
    {
        if (step.Result is ResumePath resume)
            return await step.BeginDialogAsync(resume.Path.DialogId, new PathState { Resuming = true }, cancellationToken);

        var area = ((FoundChoice)step.Result!).Value;
        if (paths.ForMenu(area) is { } path)
            return await step.BeginDialogAsync(path.DialogId, new PathState(), cancellationToken);

        var t = step.Context.Texts();
        if (area == MainMenu.Person)
            return await step.BeginDialogAsync(EscalationDialog.DialogId, new EscalationState { Trigger = EscalationTrigger.Explicit }, cancellationToken);
        if (area == MainMenu.Ask)
        {
            step.State = step.State with { Asking = true };
            return await step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = MessageFactory.Text(t["ask.prompt"]), Locale = t.Language }, cancellationToken);
        }

        // A menu item without its path file: the catalog check at start makes this unreachable.
        throw new InvalidOperationException($"The menu item '{area}' has no service path.");
    }

    private async Task<DialogTurnResult> FinishAreaAsync(WaterfallStepContext<MainState> step, CancellationToken cancellationToken)
    {
        if (step.State.Asking && step.Result is string question)
        {
            var outcome = await answers.AnswerAsync(step.Context, question, cancellationToken);
            if (await unanswered.RecordAsync(step.Context, outcome, cancellationToken))
                return await step.ReplaceDialogAsync(EscalationDialog.DialogId, UnansweredCounter.Offer, cancellationToken);
        }
        return await step.ReplaceDialogAsync(DialogIds.Main, new MainState { Rounds = step.State.Rounds + 1 }, cancellationToken);
    }
}
