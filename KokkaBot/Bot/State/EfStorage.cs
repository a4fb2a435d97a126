using KokkaBot.Knowledge.Storage;
using KokkaBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KokkaBot.Bot.State;

/// <summary>A row of bot state: one JSON document per storage key, versioned for optimistic concurrency.</summary>
public sealed class BotStateRecord
{
    public required string Key { get; set; }
    public required string Json { get; set; }
    public long Version { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class BotStateRecordConfiguration : IEntityTypeConfiguration<BotStateRecord>
{
    public void Configure(EntityTypeBuilder<BotStateRecord> builder)
    {
        builder.ToTable("BotState");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(512);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

/// <summary>
/// <see cref="IStorage"/> on EF Core. The ETag is the row's version: an update only succeeds
/// where the version is still the one that was read (EF's concurrency token), an insert only
/// where no row exists yet.
/// </summary>
public sealed class EfStorage(IDbContextFactory<KokkaDbContext> databases, DatabaseWriteGate writeGate, TimeProvider clock) : IStorage
{
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
            return result;

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.BotStates.AsNoTracking().Where(r => keys.Contains(r.Key)).ToListAsync(cancellationToken);
        foreach (var row in rows)
            result[row.Key] = new StoreItem(row.Key, row.Json, ToETag(row.Version));
        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyCollection<StoreWrite> writes, CancellationToken cancellationToken)
    {
        var eTags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (writes.Count == 0)
            return eTags;

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var write in writes)
        {
            if (write.ExpectedETag is null)
            {
                db.BotStates.Add(new BotStateRecord { Key = write.Key, Json = write.Json, Version = 1, UpdatedAt = now });
                eTags[write.Key] = ToETag(1);
            }
            else if (write.ExpectedETag == StoreWrite.AnyETag)
            {
                var existing = await db.BotStates.FindAsync([write.Key], cancellationToken);
                if (existing is null)
                {
                    db.BotStates.Add(new BotStateRecord { Key = write.Key, Json = write.Json, Version = 1, UpdatedAt = now });
                    eTags[write.Key] = ToETag(1);
                }
                else
                {
                    existing.Json = write.Json;
                    existing.Version++;
                    existing.UpdatedAt = now;
                    eTags[write.Key] = ToETag(existing.Version);
                }
            }
            else
            {
                var expected = ParseETag(write.Key, write.ExpectedETag);
                // Attached with the version that was read: EF's UPDATE ... WHERE Version = @expected does the check.
                var record = new BotStateRecord { Key = write.Key, Json = "", Version = expected };
                db.BotStates.Attach(record);
                record.Json = write.Json;
                record.Version = expected + 1;
                record.UpdatedAt = now;
                eTags[write.Key] = ToETag(expected + 1);
            }
        }

        using (await writeGate.EnterAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException e)
            {
                throw new StorageConcurrencyException(KeyOf(e) ?? writes.First().Key);
            }
            catch (Exception e) when (e is DbUpdateException or ArgumentException && writes.Any(w => w.ExpectedETag is null))
            {
                // An insert met a row that another turn created first (providers report it differently).
                var created = writes.Where(w => w.ExpectedETag is null).Select(w => w.Key).ToArray();
                await using var check = await databases.CreateDbContextAsync(cancellationToken);
                var taken = await check.BotStates.AsNoTracking().Where(r => created.Contains(r.Key)).Select(r => r.Key).FirstOrDefaultAsync(cancellationToken);
                if (taken is not null)
                    throw new StorageConcurrencyException(taken);
                throw;
            }
        }
        return eTags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.BotStates.RemoveRange(await db.BotStates.Where(r => keys.Contains(r.Key)).ToListAsync(cancellationToken));
        using (await writeGate.EnterAsync(cancellationToken))
            await db.SaveChangesAsync(cancellationToken);
    }

    private static string ToETag(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static long ParseETag(string key, string eTag) =>
        long.TryParse(eTag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new StorageConcurrencyException(key);

    private static string? KeyOf(DbUpdateException e) =>
        e.Entries.Select(entry => entry.Entity).OfType<BotStateRecord>().FirstOrDefault()?.Key;
}
