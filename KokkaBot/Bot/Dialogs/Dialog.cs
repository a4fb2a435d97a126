using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
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
/// The state is a typed record of its dialog's; the stack keeps it as the JSON it was saved as
/// until the dialog reads it, and as the typed value from the moment the dialog writes it, so a
/// turn parses and writes each state at most once.
/// </summary>
[JsonConverter(typeof(DialogInstanceConverter))]
public sealed class DialogInstance
{
    private JsonElement? _saved;
    private object? _typed;

    public required string Id { get; init; }
    public required string Version { get; init; }

    public T? ReadState<T>()
    {
        if (_typed is T typed)
            return typed;
        if (_saved is not { } saved)
            return default;
        var value = JsonSerializer.Deserialize<T>(JsonMarshal.GetRawUtf8Value(saved), StateJson.Options);
        _typed = value;
        return value;
    }

    public void WriteState<T>(T value)
    {
        _typed = value;
        _saved = null;
    }

    internal void WriteStateTo(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        if (_typed is not null)
        {
            writer.WritePropertyName("state");
            JsonSerializer.Serialize(writer, _typed, _typed.GetType(), options);
        }
        else if (_saved is { } saved)
        {
            writer.WritePropertyName("state");
            saved.WriteTo(writer);
        }
    }

    internal void LoadSaved(JsonElement saved) => _saved = saved;
}

/// <summary>Reads and writes a <see cref="DialogInstance"/> as <c>{ id, version, state }</c>.</summary>
internal sealed class DialogInstanceConverter : JsonConverter<DialogInstance>
{
    public override DialogInstance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A dialog instance is an object.");
        string? id = null, version = null;
        JsonElement? state = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id":
                    id = reader.GetString();
                    break;
                case "version":
                    version = reader.GetString();
                    break;
                case "state":
                    state = JsonElement.ParseValue(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        var instance = new DialogInstance { Id = id ?? throw new JsonException("A dialog instance needs an id."), Version = version ?? "" };
        if (state is { ValueKind: not JsonValueKind.Null } saved)
            instance.LoadSaved(saved);
        return instance;
    }

    public override void Write(Utf8JsonWriter writer, DialogInstance value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("version", value.Version);
        value.WriteStateTo(writer, options);
        writer.WriteEndObject();
    }
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
