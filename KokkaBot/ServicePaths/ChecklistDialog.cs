using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Conversation;

namespace KokkaBot.ServicePaths;

public sealed record ChecklistState
{
    public string PathId { get; init; } = "";
    public string ChecklistId { get; init; } = "";
    public bool Introduced { get; init; }
}

/// <summary>
/// A checklist of a path, one open item at a time: the item, its knowledge entry, and "Done" or
/// "Later". Done items are kept in the user's progress, so the list picks up where it was days later.
/// Loops by replacing itself, as Bot Builder's loops do.
/// </summary>
public sealed class ChecklistDialog(ServicePathCatalog catalog, PathSteps steps, PathProgressStore progress, PathEntries entries)
    : WaterfallDialog<ChecklistState>(DialogId)
{
    public const string DialogId = "path-checklist";
    private const string DoneChoice = "done";
    private const string LaterChoice = "later";

    protected override IEnumerable<WaterfallStep<ChecklistState>> Steps => [ShowNextItemAsync, RecordAsync];

    private async Task<DialogTurnResult> ShowNextItemAsync(WaterfallStepContext<ChecklistState> step, CancellationToken ct)
    {
        var (path, checklist) = catalog.Checklist(step.State.PathId, step.State.ChecklistId);
        var status = await StatusAsync(step.Context, path, checklist, ct);
        var t = step.Context.Texts();
        var language = t.Language;
        if (!step.State.Introduced)
        {
            step.State = step.State with { Introduced = true };
            if (checklist.Intro is not null && status.Done == 0)
                await step.Context.SendActivityAsync(catalog.Texts.Get(language, checklist.Intro), ct);
            else if (status.Done > 0)
                await step.Context.SendActivityAsync(t.Format("path.progress", ("done", Count(status.Done)), ("total", Count(status.Total))), ct);
        }
        if (status.Next is not { } item)
        {
            await step.Context.SendActivityAsync(t.Format("path.checklist.complete", ("total", Count(status.Total))), ct);
            return await step.EndDialogAsync(ChecklistOutcome.Completed, ct);
        }

        if (item.Show is not null && entries.Find(item.Show) is { } entry)
            await entries.SendAsync(step.Context, [entry], null, ct);
        var text = $"{t.Format("path.step", ("number", Count(status.Done + 1)), ("total", Count(status.Total)))} {catalog.Texts.Get(language, item.Text)}";
        return await step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = MessageFactory.Text(text),
            RetryPrompt = MessageFactory.Text(t["path.checklist.retry"]),
            Choices =
            [
                new Choice(DoneChoice, t["path.done"], ["done", "valmis", "tehty", "ok", "yes", "kyllä"]),
                new Choice(LaterChoice, t["path.later"], ["later", "myöhemmin", "stop", "pause", "next time"]),
            ],
            Locale = language,
        }, ct);
    }

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext<ChecklistState> step, CancellationToken ct)
    {
        var (path, checklist) = catalog.Checklist(step.State.PathId, step.State.ChecklistId);
        var t = step.Context.Texts();
        var status = await StatusAsync(step.Context, path, checklist, ct);
        var known = await progress.GetAsync(step.Context, path.Id, ct);
        if (step.Result is FoundChoice { Value: DoneChoice } && status.Next is { } item)
        {
            await progress.SetAsync(step.Context, path.Id, known with
            {
                Done = new HashSet<string>(known.Done, StringComparer.Ordinal) { Key(checklist, item) },
                Paused = false,
            }, ct);
            return await step.ReplaceDialogAsync(DialogId, step.State, ct);
        }

        await progress.SetAsync(step.Context, path.Id, known with { Paused = true }, ct);
        await step.Context.SendActivityAsync(t.Format("path.paused", ("done", Count(status.Done)), ("total", Count(status.Total))), ct);
        return await step.EndDialogAsync(ChecklistOutcome.Paused, ct);
    }

    /// <summary>The items that apply to this user, how many are done, and the first open one.</summary>
    public async Task<ChecklistStatus> StatusAsync(TurnContext turn, ServicePath path, ChecklistStep checklist, CancellationToken ct)
    {
        var valueOf = await steps.ValuesAsync(turn, path, ct);
        var known = await progress.GetAsync(turn, path.Id, ct);
        return ChecklistStatus.Of(checklist, known, valueOf);
    }

    internal static string Key(ChecklistStep checklist, ChecklistItem item) => $"{checklist.Id}/{item.Id}";

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Where a user stands in one checklist.</summary>
public sealed record ChecklistStatus(int Done, int Total, ChecklistItem? Next)
{
    public static ChecklistStatus Of(ChecklistStep checklist, PathProgress progress, Func<string, string?> valueOf)
    {
        var applies = checklist.Items.Where(i => i.When.All(c => c.Holds(valueOf))).ToList();
        var applying = applies.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        bool IsDone(string id) => progress.Done.Contains($"{checklist.Id}/{id}");
        var next = applies.FirstOrDefault(i => !IsDone(i.Id) && i.After.All(a => !applying.Contains(a) || IsDone(a)));
        return new ChecklistStatus(applies.Count(i => IsDone(i.Id)), applies.Count, next);
    }
}
