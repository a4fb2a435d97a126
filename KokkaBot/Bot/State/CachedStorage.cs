using Microsoft.Extensions.Caching.Memory;

namespace KokkaBot.Bot.State;

/// <summary>
/// Keeps recently used state in memory in front of the database, so that a turn reads its
/// conversation and user state without a query. Every write still goes to the database first, with
/// its ETag check there; the cache only learns what the database accepted. Right for one instance
/// per database (the embedded default); switch it off when several instances share a database.
/// </summary>
public sealed class CachedStorage(IStorage inner, IMemoryCache cache) : IStorage
{
    private static readonly MemoryCacheEntryOptions Entry = new()
    {
        Size = 1,
        SlidingExpiration = TimeSpan.FromMinutes(30),
    };

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var key in keys)
        {
            if (cache.TryGetValue(CacheKey(key), out StoreItem? item) && item is not null)
                result[key] = item;
            else
                (missing ??= []).Add(key);
        }
        if (missing is null)
            return result;

        foreach (var (key, item) in await inner.ReadAsync(missing, cancellationToken))
        {
            result[key] = item;
            cache.Set(CacheKey(key), item, Entry);
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyCollection<StoreWrite> writes, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> eTags;
        try
        {
            eTags = await inner.WriteAsync(writes, cancellationToken);
        }
        catch
        {
            // Whatever we hold for these keys may be what made the write stale: read them afresh next time.
            foreach (var write in writes)
                cache.Remove(CacheKey(write.Key));
            throw;
        }
        foreach (var write in writes)
            cache.Set(CacheKey(write.Key), new StoreItem(write.Key, write.Json, eTags[write.Key]), Entry);
        return eTags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
            cache.Remove(CacheKey(key));
        await inner.DeleteAsync(keys, cancellationToken);
    }

    private static (Type, string) CacheKey(string key) => (typeof(CachedStorage), key);
}
