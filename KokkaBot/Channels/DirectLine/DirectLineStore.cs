using KokkaBot.Knowledge.Storage;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using KokkaBot.Bot.Schema;
using KokkaBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace KokkaBot.Channels.DirectLine;

/// <summary>An activity of a conversation's log with its place in it (the watermark).</summary>
public sealed record LoggedActivity(long Sequence, Activity Activity);

/// <summary>
/// The persisted Direct Line conversations and their ordered activity logs: what makes a reconnect
/// after a restart resume from its watermark.
/// </summary>
public sealed class DirectLineStore(IDbContextFactory<KokkaDbContext> databases, DatabaseWriteGate writeGate, TimeProvider clock)
{
    public static string NewConversationId() =>
        // 22 characters of base62-looking text, as the real service's ids look.
        string.Concat(RandomNumberGenerator.GetItems<char>("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 22));

    public static string ActivityId(string conversationId, long sequence) =>
        $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    public async Task<DirectLineConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.DirectLineConversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
    }

    public async Task<DirectLineConversationRecord> CreateAsync(string conversationId, string userId, string? userName, string? locale, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new DirectLineConversationRecord
        {
            Id = conversationId,
            UserId = userId,
            UserName = userName,
            Locale = locale,
            CreatedAt = now,
            LastActivityAt = now,
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.DirectLineConversations.Add(record);
        using (await writeGate.EnterAsync(cancellationToken))
            await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Marks the conversation as announced to the bot; true only for the call that did it.</summary>
    public async Task<bool> MarkStartedAsync(string conversationId, string? locale, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            var changed = await db.DirectLineConversations
                .Where(c => c.Id == conversationId && !c.Started)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Started, true)
                    .SetProperty(c => c.Locale, c => locale ?? c.Locale), cancellationToken);
            return changed == 1;
        }
    }

    /// <summary>Appends activities to the log: each gets the next sequence number, its id and timestamp.</summary>
    public async Task<IReadOnlyList<LoggedActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            using (await writeGate.EnterAsync(cancellationToken))
            {
                var conversation = await db.DirectLineConversations.FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken)
                    ?? throw new InvalidOperationException($"Direct Line conversation '{conversationId}' does not exist.");
                var now = clock.GetUtcNow();
                var logged = new List<LoggedActivity>(activities.Count);
                foreach (var activity in activities)
                {
                    var sequence = conversation.NextSequence++;
                    var stamped = activity with { Id = ActivityId(conversationId, sequence), Timestamp = now };
                    logged.Add(new LoggedActivity(sequence, stamped));
                    db.DirectLineActivities.Add(new DirectLineActivityRecord
                    {
                        ConversationId = conversationId,
                        Sequence = sequence,
                        Type = stamped.Type ?? "",
                        Json = BotJson.Serialize(stamped),
                        CreatedAt = now.UtcDateTime,
                    });
                }
                conversation.LastActivityAt = now.UtcDateTime;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return logged;
                }
                catch (DbUpdateConcurrencyException) when (attempt < 5)
                {
                    // Another instance took these sequence numbers first: read the counter again.
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    /// <summary>The activities after <paramref name="watermark"/>, oldest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<LoggedActivity>> ReadAfterAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.DirectLineActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > watermark)
            .OrderBy(a => a.Sequence)
            .Take(max)
            .Select(a => new { a.Sequence, a.Json })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new LoggedActivity(r.Sequence, JsonSerializer.Deserialize(r.Json, BotJsonContext.Default.Activity)!)).ToArray();
    }

    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 0;
}
