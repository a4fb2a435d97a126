using System.Security.Cryptography;
using System.Text;
using KokkaBot.Bot.Dialogs.Prompts;

namespace KokkaBot.Bot.Dialogs;

public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken cancellationToken)
    where TState : class, new();

/// <summary>
/// A flow of steps, run one after another across turns. Its memory is a typed record
/// (<typeparamref name="TState"/>), saved after each change; begin options, when given, are the initial state.
/// Name steps after what they do: the names show in logs and make the dialog's version.
/// </summary>
public class WaterfallDialog<TState> : Dialog where TState : class, new()
{
    private readonly WaterfallStep<TState>[]? _givenSteps;
    private readonly string? _givenVersion;
    private WaterfallStep<TState>[]? _steps;
    private string? _version;

    /// <summary>A waterfall of the given steps, or (in a subclass) of the steps it names in <see cref="Steps"/>.</summary>
    public WaterfallDialog(string id, IEnumerable<WaterfallStep<TState>>? steps = null, string? version = null) : base(id)
    {
        _givenSteps = steps?.ToArray();
        _givenVersion = version;
    }

    /// <summary>The steps, in order. A dialog class lists its own step methods here.</summary>
    protected virtual IEnumerable<WaterfallStep<TState>> Steps =>
        _givenSteps ?? throw new InvalidOperationException($"Waterfall '{Id}' has no steps: pass them in or override Steps.");

    /// <summary>A hash of the step names and the state's shape: changing either restarts saved instances politely.</summary>
    public override string Version => _version ??= _givenVersion ?? ComputeVersion(Id, StepArray);

    public IReadOnlyList<string> StepNames => StepArray.Select(s => s.Method.Name).ToArray();

    private WaterfallStep<TState>[] StepArray => _steps ??= Steps.ToArray() is { Length: > 0 } steps
        ? steps
        : throw new InvalidOperationException($"Waterfall '{Id}' needs at least one step.");

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var initial = options switch
        {
            null => new TState(),
            TState state => state,
            _ => throw new ArgumentException($"Dialog '{Id}' takes a {typeof(TState).Name} as options, not a {options.GetType().Name}.", nameof(options)),
        };
        dc.ActiveDialog!.WriteState(new WaterfallInstance<TState>(0, initial));
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>Without a child prompt, the user's text is the result of the current step.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.Context.Activity.IsMessage
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(DialogTurnResult.Waiting);

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        var index = dc.ActiveDialog!.ReadState<WaterfallInstance<TState>>()?.Step ?? 0;
        return reason == DialogReason.RepeatStep
            ? RunStepAsync(dc, index, reason, null, cancellationToken)
            : RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        var steps = StepArray;
        if (index >= steps.Length)
            return await dc.EndDialogAsync(result, cancellationToken);

        var instance = dc.ActiveDialog!;
        var saved = instance.ReadState<WaterfallInstance<TState>>()?.State ?? new TState();
        instance.WriteState(new WaterfallInstance<TState>(index, saved));
        var step = new WaterfallStepContext<TState>(this, dc, instance, index, reason, result, saved);
        return await steps[index](step, cancellationToken);
    }

    private static string ComputeVersion(string id, IEnumerable<WaterfallStep<TState>> steps)
    {
        var shape = new StringBuilder(id).Append('|').Append(typeof(TState).FullName);
        foreach (var property in typeof(TState).GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            shape.Append('|').Append(property.Name).Append(':').Append(property.PropertyType.FullName);
        foreach (var step in steps)
            shape.Append('|').Append(step.Method.Name);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(shape.ToString())))[..12].ToLowerInvariant();
    }
}

/// <summary>What a waterfall keeps on the stack: the step it is at and its typed state.</summary>
public sealed record WaterfallInstance<TState>(int Step, TState State);

/// <summary>What a waterfall step sees: the turn, the previous step's result and the flow's typed state.</summary>
public sealed class WaterfallStepContext<TState> where TState : class, new()
{
    private readonly WaterfallDialog<TState> _waterfall;
    private readonly DialogInstance _instance;
    private TState _state;
    private bool _moved;

    internal WaterfallStepContext(WaterfallDialog<TState> waterfall, DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result, TState state)
    {
        _waterfall = waterfall;
        _instance = instance;
        _state = state;
        Dialogs = dc;
        Index = index;
        Reason = reason;
        Result = result;
    }

    public DialogContext Dialogs { get; }
    public TurnContext Context => Dialogs.Context;
    public int Index { get; }
    public DialogReason Reason { get; }

    /// <summary>The previous step's result (a prompt's answer), or null.</summary>
    public object? Result { get; }

    /// <summary>The flow's memory. Records are immutable: change it with <c>step.State = step.State with { … }</c>; it is saved at once.</summary>
    public TState State
    {
        get => _state;
        set
        {
            _state = value;
            _instance.WriteState(new WaterfallInstance<TState>(Index, value));
        }
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken) =>
        Dialogs.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        Dialogs.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Skips to the next step at once, with <paramref name="result"/> as its <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken)
    {
        if (_moved)
            throw new InvalidOperationException($"Step {Index} of '{_waterfall.Id}' already moved on.");
        _moved = true;
        return _waterfall.RunStepAsync(Dialogs, Index + 1, DialogReason.ContinueCalled, result, cancellationToken);
    }

    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken) =>
        Dialogs.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        Dialogs.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
