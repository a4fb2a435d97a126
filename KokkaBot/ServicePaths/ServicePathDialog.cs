using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation;

namespace KokkaBot.ServicePaths;

/// <summary>How a path is started: from the menu, or resumed ("where was I?"), which skips what the user has already seen.</summary>
public sealed record PathState
{
    public bool Resuming { get; init; }
}

/// <summary>How a checklist ended.</summary>
public enum ChecklistOutcome { Completed, Paused }

/// <summary>
/// One service path as a waterfall: each step of the file becomes one or two waterfall steps. The
/// version is the file's hash, so a user in the middle of a path that has since changed is restarted
/// politely instead of landing on the wrong step.
/// </summary>
public sealed class ServicePathDialog(ServicePath path, PathSteps run)
    : WaterfallDialog<PathState>(path.DialogId, Build(path, run), $"{path.Version}.{EngineVersion}")
{
    public ServicePath Path { get; } = path;

    /// <summary>Changes with the way steps become waterfall steps, so that saved positions stay meaningful.</summary>
    private const string EngineVersion = "2";

    private static IEnumerable<WaterfallStep<PathState>> Build(ServicePath path, PathSteps run)
    {
        yield return (s, ct) => run.StartAsync(s, path, ct);
        foreach (var step in path.Steps)
        {
            switch (step)
            {
                case SayStep say:
                    yield return (s, ct) => run.SayAsync(s, path, say, ct);
                    break;
                case AskStep ask:
                    yield return (s, ct) => run.AskAsync(s, path, ask, ct);
                    yield return (s, ct) => run.KeepAnswerAsync(s, path, ask, ct);
                    break;
                case ShowStep show:
                    yield return (s, ct) => run.ShowAsync(s, path, show, ct);
                    break;
                case ChecklistStep checklist:
                    yield return (s, ct) => run.BeginChecklistAsync(s, path, checklist, ct);
                    yield return (s, ct) =>
                    {
                        if (s.Result is ChecklistOutcome.Paused)
                            return s.EndDialogAsync(null, ct);
                        // A resumed path skips only what came before its checklist.
                        s.State = s.State with { Resuming = false };
                        return s.NextAsync(null, ct);
                    };
                    break;
                case AdvisorStep advisor:
                    yield return (s, ct) => run.OfferAdvisorAsync(s, path, advisor, ct);
                    break;
            }
        }
    }
}

/// <summary>What each kind of path step does in a turn.</summary>
public sealed partial class PathSteps(ServicePathCatalog catalog, PathProgressStore progress, Profiles profiles, PathEntries entries)
{
    private PathTexts Texts => catalog.Texts;

    /// <summary>
    /// Started from the menu, a path asks its questions again (a user may have a new field or town
    /// since), while the checklist keeps what is done. Resumed, it keeps the answers too.
    /// </summary>
    public async Task<DialogTurnResult> StartAsync(WaterfallStepContext<PathState> step, ServicePath path, CancellationToken ct)
    {
        if (!step.State.Resuming)
        {
            var known = await progress.GetAsync(step.Context, path.Id, ct);
            if (known.Answers.Count > 0)
                await progress.SetAsync(step.Context, path.Id, known with { Answers = new Dictionary<string, string>(StringComparer.Ordinal) }, ct);
        }
        return await step.NextAsync(null, ct);
    }

    public async Task<DialogTurnResult> SayAsync(WaterfallStepContext<PathState> step, ServicePath path, SayStep say, CancellationToken ct)
    {
        if (step.State.Resuming || !await HoldsAsync(step.Context, path, say.When, ct))
            return await step.NextAsync(null, ct);
        var language = step.Context.Texts().Language;
        var text = Texts.Get(language, say.Text);
        var reply = say.Links.Count == 0
            ? MessageFactory.Text(text)
            : MessageFactory.SuggestedActions(text, say.Links.Select(l => CardAction.OpenUrl(Texts.Get(language, l.Text), l.Url)));
        await step.Context.SendActivityAsync(reply, ct);
        return await step.NextAsync(null, ct);
    }

    public async Task<DialogTurnResult> AskAsync(WaterfallStepContext<PathState> step, ServicePath path, AskStep ask, CancellationToken ct)
    {
        var known = await progress.GetAsync(step.Context, path.Id, ct);
        if (known.Answers.ContainsKey(ask.Answer) || !await HoldsAsync(step.Context, path, ask.When, ct))
            return await step.NextAsync(null, ct);
        var t = step.Context.Texts();
        var question = MessageFactory.Text(Texts.Get(t.Language, ask.Text));
        return ask.Kind switch
        {
            AskKind.Choice => await step.PromptAsync(DialogIds.Choice, new PromptOptions
            {
                Prompt = question,
                RetryPrompt = MessageFactory.Text(t["path.retry"]),
                Choices = ask.Choices.Select(c => new Choice(c.Value, Texts.Get(t.Language, c.Text), c.Synonyms)).ToList(),
                Locale = t.Language,
            }, ct),
            AskKind.Confirm => await step.PromptAsync(DialogIds.Confirm, new PromptOptions { Prompt = question, Locale = t.Language }, ct),
            _ => await step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = question, Locale = t.Language }, ct),
        };
    }

    public async Task<DialogTurnResult> KeepAnswerAsync(WaterfallStepContext<PathState> step, ServicePath path, AskStep ask, CancellationToken ct)
    {
        var answer = step.Result switch
        {
            FoundChoice choice => choice.Value,
            bool yes => yes ? "yes" : "no",
            string text => text,
            _ => null,
        };
        if (answer is not null)
        {
            var known = await progress.GetAsync(step.Context, path.Id, ct);
            await progress.SetAsync(step.Context, path.Id, known with
            {
                Answers = new Dictionary<string, string>(known.Answers, StringComparer.Ordinal) { [ask.Answer] = answer },
            }, ct);
        }
        return await step.NextAsync(null, ct);
    }

    public async Task<DialogTurnResult> ShowAsync(WaterfallStepContext<PathState> step, ServicePath path, ShowStep show, CancellationToken ct)
    {
        if (step.State.Resuming || !await HoldsAsync(step.Context, path, show.When, ct))
            return await step.NextAsync(null, ct);
        var profile = await profiles.GetAsync(step.Context, ct);
        var language = step.Context.Texts().Language;
        var found = entries.Find(show, language, profile.Town);
        if (found.Count > 0)
            await entries.SendAsync(step.Context, found, show.Intro is null ? null : Texts.Get(language, show.Intro), ct);
        return await step.NextAsync(null, ct);
    }

    public async Task<DialogTurnResult> BeginChecklistAsync(WaterfallStepContext<PathState> step, ServicePath path, ChecklistStep checklist, CancellationToken ct)
    {
        if (!await HoldsAsync(step.Context, path, checklist.When, ct))
            return await step.NextAsync(null, ct);
        return await step.BeginDialogAsync(ChecklistDialog.DialogId, new ChecklistState { PathId = path.Id, ChecklistId = checklist.Id }, ct);
    }

    public async Task<DialogTurnResult> OfferAdvisorAsync(WaterfallStepContext<PathState> step, ServicePath path, AdvisorStep advisor, CancellationToken ct)
    {
        if (step.State.Resuming || !await HoldsAsync(step.Context, path, advisor.When, ct))
            return await step.NextAsync(null, ct);
        var t = step.Context.Texts();
        await step.Context.SendActivityAsync(MessageFactory.SuggestedActions(
            Texts.Get(t.Language, advisor.Text), [CardAction.ImBack(t["person.button"])]), ct);
        return await step.NextAsync(null, ct);
    }

    public async Task<bool> HoldsAsync(TurnContext turn, ServicePath path, IReadOnlyList<Condition> when, CancellationToken ct)
    {
        if (when.Count == 0)
            return true;
        var valueOf = await ValuesAsync(turn, path, ct);
        return when.All(c => c.Holds(valueOf));
    }

    /// <summary>What conditions test: the user's answers in this path and their profile.</summary>
    public async Task<Func<string, string?>> ValuesAsync(TurnContext turn, ServicePath path, CancellationToken ct)
    {
        var known = await progress.GetAsync(turn, path.Id, ct);
        var profile = await profiles.GetAsync(turn, ct);
        return subject => subject switch
        {
            "profile.role" => profile.Role,
            "profile.town" => profile.Town,
            _ when subject.StartsWith(Condition.AnswerPrefix, StringComparison.Ordinal) =>
                known.Answers.GetValueOrDefault(subject[Condition.AnswerPrefix.Length..]),
            _ => null,
        };
    }
}
