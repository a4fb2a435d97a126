namespace KokkaBot.Bot.Dialogs;

/// <summary>The dialog stack of one conversation during one turn, and the operations on it.</summary>
public sealed class DialogContext(DialogSet dialogs, TurnContext context, DialogState state)
{
    public DialogSet Dialogs { get; } = dialogs;
    public TurnContext Context { get; } = context;
    public IReadOnlyList<DialogInstance> Stack => state.Stack;
    public DialogInstance? ActiveDialog => state.Stack.Count > 0 ? state.Stack[0] : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindOrThrow(dialogId);
        state.Stack.Insert(0, new DialogInstance { Id = dialogId, Version = dialog.Version });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, Prompts.PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Hands the user's message to the active dialog. An instance started by an older definition restarts its flow instead.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is null)
            return DialogTurnResult.Empty;
        if (await RestartChangedFlowAsync(cancellationToken) is { } restarted)
            return restarted;
        return await FindOrThrow(ActiveDialog.Id).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and gives its result to the parent, which resumes.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is { } parent)
            return await FindOrThrow(parent.Id).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is null)
            return DialogTurnResult.Empty;
        while (ActiveDialog is not null)
            await PopAsync(DialogReason.CancelCalled, cancellationToken);
        return DialogTurnResult.Cancelled;
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog is { } active
            ? FindOrThrow(active.Id).RepromptDialogAsync(Context, active, cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// Discards the active dialog (a prompt) and has its parent ask again from the same step, so the
    /// question is built anew, for example in a language the user just chose. The step runs again
    /// without a <c>Result</c>: steps that record the previous answer must check that there is one.
    /// </summary>
    public async Task<DialogTurnResult> RepeatActiveStepAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is null)
            return DialogTurnResult.Empty;
        if (state.Stack.Count == 1)
        {
            await RepromptDialogAsync(cancellationToken);
            return DialogTurnResult.Waiting;
        }
        await PopAsync(DialogReason.RepeatStep, cancellationToken);
        return await FindOrThrow(ActiveDialog!.Id).ResumeDialogAsync(this, DialogReason.RepeatStep, null, cancellationToken);
    }

    private async Task<DialogTurnResult?> RestartChangedFlowAsync(CancellationToken cancellationToken)
    {
        // The lowest changed instance decides: everything above it was started by it.
        var changedIndex = -1;
        for (var i = state.Stack.Count - 1; i >= 0; i--)
        {
            var instance = state.Stack[i];
            if (Dialogs.Find(instance.Id) is not { } dialog || dialog.Version != instance.Version)
            {
                changedIndex = i;
                break;
            }
        }
        if (changedIndex < 0)
            return null;

        var changedId = state.Stack[changedIndex].Id;
        // The old instances are dropped without running their end hooks: their state belongs to a definition that no longer exists.
        state.Stack.RemoveRange(0, changedIndex + 1);
        if (Dialogs.OnFlowRestarted is { } notify)
            await notify(this, changedId, cancellationToken);

        if (ActiveDialog is { } parent)
            return await FindOrThrow(parent.Id).ResumeDialogAsync(this, DialogReason.RepeatStep, null, cancellationToken);
        return Dialogs.Find(changedId) is not null
            ? await BeginDialogAsync(changedId, null, cancellationToken)
            : DialogTurnResult.Empty;
    }

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
            return;
        if (Dialogs.Find(instance.Id) is { } dialog)
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        state.Stack.Remove(instance);
    }

    private Dialog FindOrThrow(string dialogId) =>
        Dialogs.Find(dialogId) ?? throw new InvalidOperationException($"No dialog '{dialogId}' is in the dialog set.");
}
