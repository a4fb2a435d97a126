using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using KokkaBot.Bot.Schema;

using IMiddleware = KokkaBot.Bot.IMiddleware;

namespace KokkaBot.Bot.State;

/// <summary>
/// State kept for a scope (a conversation, a user) as one JSON document of named properties.
/// Loaded once per turn, read and written through typed <see cref="StatePropertyAccessor{T}"/>s,
/// and saved only when it changed, with the ETag it was read with.
/// </summary>
public abstract class BotState(IStorage storage, string stateName)
{
    public string StateName { get; } = stateName;

    internal IStorage Storage { get; } = storage;

    /// <summary>The storage key of this scope for the turn, or null when the turn has no such scope (no user id).</summary>
    public abstract string? GetStorageKey(TurnContext turn);

    public StatePropertyAccessor<T> CreateProperty<T>(string name) => new(this, name);

    public Task LoadAsync(TurnContext turn, CancellationToken cancellationToken) =>
        BotStates.LoadAsync(turn, [this], cancellationToken);

    public Task SaveChangesAsync(TurnContext turn, CancellationToken cancellationToken) =>
        BotStates.SaveChangesAsync(turn, [this], cancellationToken);

    /// <summary>Forgets every property of this scope; saved at the end of the turn.</summary>
    public async Task ClearAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var cached = await GetCachedAsync(turn, cancellationToken);
        cached.Values.Clear();
    }

    internal async ValueTask<CachedState> GetCachedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var cached = turn.TurnState.Get<CachedState>(StateName);
        if (cached is null)
        {
            await LoadAsync(turn, cancellationToken);
            cached = turn.TurnState.Get<CachedState>(StateName)!;
        }
        return cached;
    }
}

/// <summary>State shared by everyone in one conversation: the dialog stack lives here.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    public override string? GetStorageKey(TurnContext turn) =>
        turn.Activity is { ChannelId: { } channel, Conversation.Id: { } conversation }
            ? $"{channel}/conversations/{conversation}"
            : null;
}

/// <summary>State of one user across their conversations on a channel: profile and progress.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    public override string? GetStorageKey(TurnContext turn) =>
        turn.Activity is { ChannelId: { } channel, From.Id: { Length: > 0 } user }
            ? $"{channel}/users/{user}"
            : null;
}

/// <summary>
/// A typed property of a <see cref="BotState"/>. Values are records: read, change with <c>with</c>,
/// set back. Mutable values (the dialog stack) are saved as they are at the end of the turn.
/// </summary>
public sealed class StatePropertyAccessor<T>(BotState state, string name)
{
    public string Name { get; } = name;

    public async Task<T?> GetAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var cached = await state.GetCachedAsync(turn, cancellationToken);
        return cached.Get<T>(Name);
    }

    public async Task<T> GetAsync(TurnContext turn, Func<T> defaultValueFactory, CancellationToken cancellationToken)
    {
        var cached = await state.GetCachedAsync(turn, cancellationToken);
        var value = cached.Get<T>(Name);
        if (value is null)
        {
            value = defaultValueFactory();
            cached.Values[Name] = value;
        }
        return value;
    }

    public async Task SetAsync(TurnContext turn, T value, CancellationToken cancellationToken)
    {
        var cached = await state.GetCachedAsync(turn, cancellationToken);
        cached.Values[Name] = value;
    }

    public async Task DeleteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var cached = await state.GetCachedAsync(turn, cancellationToken);
        cached.Values.Remove(Name);
    }
}

/// <summary>One scope's state as loaded for a turn: raw JSON values until a typed accessor reads them.</summary>
internal sealed class CachedState(string? key, string? eTag, string originalJson, Dictionary<string, object?> values)
{
    public string? Key { get; } = key;
    public string? ETag { get; set; } = eTag;
    public string OriginalJson { get; set; } = originalJson;
    public Dictionary<string, object?> Values { get; } = values;

    public T? Get<T>(string name)
    {
        if (!Values.TryGetValue(name, out var value) || value is null)
            return default;
        if (value is T typed)
            return typed;
        if (value is JsonElement element)
        {
            var converted = JsonSerializer.Deserialize<T>(JsonMarshal.GetRawUtf8Value(element), StateJson.Options);
            Values[name] = converted;
            return converted;
        }
        throw new InvalidOperationException($"State property '{name}' holds a {value.GetType().Name}, not a {typeof(T).Name}.");
    }

    public string Serialize()
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                if (value is null)
                    continue;
                writer.WritePropertyName(name);
                if (value is JsonElement element)
                    element.WriteTo(writer);
                else
                    JsonSerializer.Serialize(writer, value, value.GetType(), StateJson.Options);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static CachedState Parse(string? key, StoreItem? item)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (item is null)
            return new CachedState(key, null, "{}", values);

        // One copy of the whole document outlives the parse; the properties are views into it.
        var root = JsonElement.Parse(item.Json);
        foreach (var property in root.EnumerateObject())
            values[property.Name] = property.Value;
        return new CachedState(key, item.ETag, item.Json, values);
    }
}

/// <summary>A growable buffer on pooled arrays, for JSON written once per turn.</summary>
internal sealed class PooledBufferWriter : System.Buffers.IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
    private int _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 256);
        if (needed <= _buffer.Length)
            return;
        var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}

/// <summary>Loads and saves several states of a turn with one storage read and one atomic write.</summary>
public static class BotStates
{
    public static async Task LoadAsync(TurnContext turn, IReadOnlyList<BotState> states, CancellationToken cancellationToken)
    {
        var keyed = states.Select(s => (State: s, Key: s.GetStorageKey(turn))).ToArray();
        var keys = keyed.Where(k => k.Key is not null).Select(k => k.Key!).Distinct().ToArray();
        var items = keys.Length == 0
            ? new Dictionary<string, StoreItem>()
            : await states[0].Storage.ReadAsync(keys, cancellationToken);

        foreach (var (state, key) in keyed)
        {
            var item = key is not null && items.TryGetValue(key, out var found) ? found : null;
            turn.TurnState.Set(state.StateName, CachedState.Parse(key, item));
        }
    }

    public static async Task SaveChangesAsync(TurnContext turn, IReadOnlyList<BotState> states, CancellationToken cancellationToken)
    {
        var changed = new List<(CachedState Cached, StoreWrite Write)>();
        foreach (var state in states)
        {
            var cached = turn.TurnState.Get<CachedState>(state.StateName);
            if (cached?.Key is null)
                continue;
            var json = cached.Serialize();
            if (string.Equals(json, cached.OriginalJson, StringComparison.Ordinal))
                continue;
            changed.Add((cached, new StoreWrite(cached.Key, json, cached.ETag)));
        }
        if (changed.Count == 0)
            return;

        var eTags = await states[0].Storage.WriteAsync(changed.Select(c => c.Write).ToArray(), cancellationToken);
        foreach (var (cached, write) in changed)
        {
            cached.ETag = eTags[write.Key];
            cached.OriginalJson = write.Json;
        }
    }
}

/// <summary>How state values are written: camelCase, nulls omitted, timestamps as channels write them.</summary>
public static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // State is stored, never put into HTML: keep "työ" readable instead of "ty\u00F6".
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcTimestampConverter() },
    };
}

/// <summary>Loads conversation and user state before the bot runs and saves what changed after it succeeded.</summary>
public sealed class AutoSaveStateMiddleware(ConversationState conversationState, UserState userState) : IMiddleware
{
    private readonly BotState[] _states = [conversationState, userState];

    public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        await BotStates.LoadAsync(turn, _states, cancellationToken);
        await next(cancellationToken);
        // Only a turn that finished is saved: a failed turn leaves the state as it was before it.
        await BotStates.SaveChangesAsync(turn, _states, cancellationToken);
    }
}
