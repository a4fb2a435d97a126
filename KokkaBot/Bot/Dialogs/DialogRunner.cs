using KokkaBot.Bot.State;

namespace KokkaBot.Bot.Dialogs;

/// <summary>
/// The one hook for global commands (help, start over, change language, talk to a person): it sees
/// every message before the active dialog does and may handle it instead.
/// </summary>
public interface IDialogInterruptions
{
    /// <returns>True when the message was handled and the active dialog must not see it.</returns>
    Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken);
}

/// <summary>
/// Runs a conversation's dialogs for one turn: load the saved stack, let interruptions have a look,
/// continue the active dialog or begin the root one. The stack is saved with conversation state.
/// </summary>
public sealed class DialogRunner(DialogSet dialogs, string rootDialogId, StatePropertyAccessor<DialogState> stackProperty, IDialogInterruptions? interruptions = null)
{
    public DialogSet Dialogs { get; } = dialogs;

    public async Task<DialogTurnResult> RunAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var dc = await CreateContextAsync(turn, cancellationToken);
        if (turn.Activity.IsMessage && interruptions is not null && await interruptions.TryInterruptAsync(dc, cancellationToken))
            return DialogTurnResult.Waiting;

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
            result = await dc.BeginDialogAsync(rootDialogId, null, cancellationToken);
        return result;
    }

    /// <summary>Starts the root dialog afresh, whatever was on the stack (a greeting, "start over").</summary>
    public async Task<DialogTurnResult> RestartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var dc = await CreateContextAsync(turn, cancellationToken);
        await dc.CancelAllDialogsAsync(cancellationToken);
        return await dc.BeginDialogAsync(rootDialogId, null, cancellationToken);
    }

    public async Task<DialogContext> CreateContextAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var stack = await stackProperty.GetAsync(turn, () => new DialogState(), cancellationToken);
        return Dialogs.CreateContext(turn, stack);
    }
}
