using System.Runtime.InteropServices;
using System.Text.Json;
using KokkaBot.Bot.Schema;
using KokkaBot.Bot.State;

namespace KokkaBot.Bot.Dialogs.Prompts;

/// <summary>What to ask, what to say when the answer was not understood, and (for choices) the options.</summary>
public sealed record PromptOptions
{
    public Activity? Prompt { get; init; }
    public Activity? RetryPrompt { get; init; }
    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>The language of the question, for recognising answers like "kyllä" and for button labels.</summary>
    public string? Locale { get; init; }
}

public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value = default);

/// <summary>What a validator sees: the turn, what was recognised, the options and how many answers were given.</summary>
public sealed record PromptValidatorContext<T>(TurnContext Context, PromptRecognizerResult<T> Recognized, PromptOptions Options, int AttemptCount);

/// <summary>Decides whether a recognised answer is acceptable; may send its own explanation before the retry.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> prompt, CancellationToken cancellationToken);

/// <summary>
/// A dialog that asks one question and ends with a typed answer. It asks again (with the retry
/// prompt) until an answer is recognised and the validator, if any, accepts it.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options));
        dc.ActiveDialog!.WriteState(new PromptInstance(JsonSerializer.SerializeToElement(promptOptions, StateJson.Options), 0));
        await OnPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!dc.Context.Activity.IsMessage)
            return DialogTurnResult.Waiting;

        var instance = dc.ActiveDialog!;
        var saved = instance.ReadState<PromptInstance>() ?? throw new InvalidOperationException("A prompt instance lost its options.");
        var options = saved.ReadOptions();
        var attempts = saved.Attempts + 1;
        instance.WriteState(saved with { Attempts = attempts });

        var recognized = await OnRecognizeAsync(dc.Context, options, cancellationToken);
        var valid = recognized.Succeeded;
        if (validator is not null)
            valid = await validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempts), cancellationToken);

        if (valid)
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);

        if (!dc.Context.Responded)
            await OnPromptAsync(dc.Context, options, isRetry: true, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <summary>An interruption (help, a side question) finished: ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptDialogAsync(TurnContext turn, DialogInstance instance, CancellationToken cancellationToken) =>
        OnPromptAsync(turn, ReadOptions(instance), isRetry: false, cancellationToken);

    protected abstract Task OnPromptAsync(TurnContext turn, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(TurnContext turn, PromptOptions options, CancellationToken cancellationToken);

    protected static Activity PromptActivity(PromptOptions options, bool isRetry) =>
        (isRetry ? options.RetryPrompt ?? options.Prompt : options.Prompt) ?? MessageFactory.Text("", InputHints.ExpectingInput);

    private static PromptOptions ReadOptions(DialogInstance instance) =>
        PromptState.OptionsOf(instance) ?? throw new InvalidOperationException("A prompt instance lost its options.");

    /// <summary>The language to recognise answers in: the prompt's own, else the activity's.</summary>
    protected static string LanguageOf(TurnContext turn, PromptOptions options) =>
        ChoiceRecognizer.LanguageOf(options.Locale ?? turn.Activity.Locale);
}

/// <summary>
/// What a prompt keeps on the stack: its options (as saved JSON, read only when needed) and how many
/// answers it has had.
/// </summary>
public sealed record PromptInstance(JsonElement Options, int Attempts)
{
    public PromptOptions ReadOptions() =>
        JsonSerializer.Deserialize<PromptOptions>(JsonMarshal.GetRawUtf8Value(Options), StateJson.Options)
        ?? throw new InvalidOperationException("A prompt instance lost its options.");
}

/// <summary>Reads what a running prompt asked, for code that looks at the stack (interruptions).</summary>
public static class PromptState
{
    /// <summary>The options of a prompt instance, or null when the instance is not a prompt.</summary>
    public static PromptOptions? OptionsOf(DialogInstance instance) =>
        instance.ReadState<PromptInstance>() is { Options.ValueKind: JsonValueKind.Object } prompt ? prompt.ReadOptions() : null;
}

/// <summary>Any non-empty text.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override Task OnPromptAsync(TurnContext turn, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(PromptActivity(options, isRetry) with { InputHint = InputHints.ExpectingInput }, cancellationToken);

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(TurnContext turn, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text)
            ? new PromptRecognizerResult<string>(false)
            : new PromptRecognizerResult<string>(true, text));
    }
}
