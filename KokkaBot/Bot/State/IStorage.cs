namespace KokkaBot.Bot.State;

/// <summary>
/// Key/value storage for bot state, as Bot Builder's IStorage: read, write and delete by key, with
/// ETags for optimistic concurrency. Values are JSON documents.
/// </summary>
public interface IStorage
{
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Writes all items atomically, or none: a stale ETag on any item throws
    /// <see cref="StorageConcurrencyException"/>. Returns the new ETag of each key.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyCollection<StoreWrite> writes, CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

/// <summary>A stored JSON document and the ETag it was read with.</summary>
public sealed record StoreItem(string Key, string Json, string ETag);

/// <summary>
/// A write of <paramref name="Json"/> to <paramref name="Key"/>. <paramref name="ExpectedETag"/>:
/// null = the key must not exist yet; <see cref="AnyETag"/> = overwrite whatever is there;
/// otherwise the stored ETag must still be this one.
/// </summary>
public sealed record StoreWrite(string Key, string Json, string? ExpectedETag)
{
    public const string AnyETag = "*";
}

/// <summary>Someone else wrote the item since it was read.</summary>
public sealed class StorageConcurrencyException(string key)
    : Exception($"The state '{key}' was changed by another turn since it was read.")
{
    public string Key { get; } = key;
}
