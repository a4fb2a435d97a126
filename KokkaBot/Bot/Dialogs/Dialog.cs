using System.Text.Json;
using KokkaBot.Bot.State;

namespace KokkaBot.Bot.Dialogs;

/// <summary>
/// A step of conversation that may span turns. Dialogs are stateless singletons: what a running
/// dialog remembers is its <see cref="DialogInstance"/> on the saved stack.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>
    /// Identifies this dialog's definition. A saved instance whose version differs was started by an
    /// older definition: that flow is restarted rather than continued at a step that may no longer mean the same.
    /// </summary>
    public virtual string Version => GetType().FullName ?? GetType().Name;

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>The user said something while this dialog was on top of the stack.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child this dialog started has ended (or must be asked again: <see cref="DialogReason.RepeatStep"/>).</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Ask the user again what this dialog is waiting for.</summary>
    public virtual Task RepromptDialogAsync(TurnContext turn, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The instance leaves the stack (ended, cancelled or replaced).</summary>
    public virtual Task EndDialogAsync(TurnContext turn, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

/// <summary>
/// One running dialog on the stack: which dialog, which version of it, and its own saved state.
/// The state is kept as raw JSON that only its dialog reads, as a typed record of its own; the
/// stack itself never looks inside, which keeps saving and loading a turn cheap.
/// </summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public JsonElement? State { get; set; }

    public T? ReadState<T>() => State is { } state ? state.Deserialize<T>(StateJson.Options) : default;

    public void WriteState<T>(T value) => State = JsonSerializer.SerializeToElement(value, StateJson.Options);
}

/// <summary>The saved dialog stack of a conversation, top at index 0 (as Bot Builder keeps it).</summary>
public sealed class DialogState
{
    public List<DialogInstance> Stack { get; init; } = [];
}

public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>A dialog waits for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack completed.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);
    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);
    public static DialogTurnResult Cancelled { get; } = new(DialogTurnStatus.Cancelled);
}

public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,

    /// <summary>The child was discarded: ask its question again (language changed, or the child's definition changed).</summary>
    RepeatStep,
}
