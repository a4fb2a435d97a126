using KokkaBot.Knowledge.Storage;
using KokkaBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace KokkaBot.Handoff;

/// <summary>
/// The handoff tables. Every change of a handoff's status is one conditional UPDATE (… WHERE Status =
/// the expected one), so two advisors, or an advisor and the user, can never both win; writes pass
/// the host's write gate (one SQLite writer at a time).
/// </summary>
public sealed class HandoffStore(IDbContextFactory<KokkaDbContext> databases, DatabaseWriteGate writeGate)
{
    public async Task<HandoffRecord?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Handoffs.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
    }

    /// <summary>The conversation's queued or active handoff.</summary>
    public async Task<HandoffRecord?> OpenForConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Handoffs.AsNoTracking()
            .Where(h => h.ConversationId == conversationId && h.Status != HandoffStatus.Ended)
            .OrderByDescending(h => h.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds the request with its transcript, unless the conversation already has an open one: then that one is returned.</summary>
    public async Task<(HandoffRecord Handoff, bool Created)> EnqueueAsync(HandoffRecord handoff, IReadOnlyList<HandoffLineRecord> lines, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            var open = await db.Handoffs.AsNoTracking()
                .FirstOrDefaultAsync(h => h.ConversationId == handoff.ConversationId && h.Status != HandoffStatus.Ended, cancellationToken);
            if (open is not null)
                return (open, false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Handoffs.Add(handoff);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var line in lines)
                line.HandoffId = handoff.Id;
            db.HandoffLines.AddRange(lines);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (handoff, true);
        }
    }

    /// <summary>The request's place in its team's queue, from 1; 0 when it is not queued.</summary>
    public async Task<int> PositionAsync(HandoffRecord handoff, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var ahead = await db.Handoffs.CountAsync(h => h.Status == HandoffStatus.Queued && h.TeamId == handoff.TeamId
            && (h.QueuedAt < handoff.QueuedAt || (h.QueuedAt == handoff.QueuedAt && h.Id < handoff.Id)), cancellationToken);
        return ahead + 1;
    }

    /// <summary>How long the team's last handoffs took from acceptance to end; null until there are enough of them.</summary>
    public async Task<TimeSpan?> MeasuredHandlingTimeAsync(string teamId, int sample, int minimum, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var recent = await db.Handoffs.AsNoTracking()
            .Where(h => h.TeamId == teamId && h.Status == HandoffStatus.Ended && h.AcceptedAt != null && h.EndedAt != null)
            .OrderByDescending(h => h.EndedAt)
            .Take(sample)
            .Select(h => new { h.AcceptedAt, h.EndedAt })
            .ToListAsync(cancellationToken);
        if (recent.Count < minimum)
            return null;
        return TimeSpan.FromTicks((long)recent.Average(r => (r.EndedAt!.Value - r.AcceptedAt!.Value).Ticks));
    }

    public async Task<IReadOnlyList<HandoffRecord>> QueuedAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Handoffs.AsNoTracking()
            .Where(h => h.Status == HandoffStatus.Queued)
            .OrderBy(h => h.QueuedAt).ThenBy(h => h.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffRecord>> ActiveOfAsync(string advisorId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Handoffs.AsNoTracking()
            .Where(h => h.Status == HandoffStatus.Active && h.AdvisorId == advisorId)
            .OrderBy(h => h.AcceptedAt).ThenBy(h => h.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Queued requests that joined the queue before <paramref name="cutoff"/> and whose user was not told yet.</summary>
    public async Task<IReadOnlyList<HandoffRecord>> DueForNoAnswerNoticeAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Handoffs.AsNoTracking()
            .Where(h => h.Status == HandoffStatus.Queued && !h.NoAnswerNoticeSent && h.QueuedAt <= cutoff)
            .OrderBy(h => h.QueuedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The last thing each user wrote, for the queue's preview.</summary>
    public async Task<IReadOnlyDictionary<long, string>> LastUserLinesAsync(IReadOnlyCollection<long> handoffIds, CancellationToken cancellationToken)
    {
        if (handoffIds.Count == 0)
            return new Dictionary<long, string>();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var lastIds = await db.HandoffLines.AsNoTracking()
            .Where(l => handoffIds.Contains(l.HandoffId) && l.From == TranscriptSender.User)
            .GroupBy(l => l.HandoffId)
            .Select(g => g.Max(l => l.Id))
            .ToListAsync(cancellationToken);
        return await db.HandoffLines.AsNoTracking()
            .Where(l => lastIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.HandoffId, l => l.Text, cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffLineRecord>> LinesAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.HandoffLines.AsNoTracking().Where(l => l.HandoffId == handoffId).OrderBy(l => l.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffNoteRecord>> NotesAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.HandoffNotes.AsNoTracking().Where(n => n.HandoffId == handoffId).OrderBy(n => n.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a transcript line; null when a line of the same user activity is already there.</summary>
    public async Task<HandoffLineRecord?> AddLineAsync(HandoffLineRecord line, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            if (line.ActivityId is not null
                && await db.HandoffLines.AnyAsync(l => l.HandoffId == line.HandoffId && l.ActivityId == line.ActivityId, cancellationToken))
                return null;
            db.HandoffLines.Add(line);
            await db.SaveChangesAsync(cancellationToken);
            return line;
        }
    }

    public Task<HandoffNoteRecord> AddNoteAsync(HandoffNoteRecord note, CancellationToken cancellationToken) =>
        AddAsync(note, cancellationToken);

    /// <summary>Inserts one record; only the write itself holds the database's writer.</summary>
    private async Task<T> AddAsync<T>(T record, CancellationToken cancellationToken) where T : class
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Add(record);
        using (await writeGate.EnterAsync(cancellationToken))
            await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>UPDATE … SET Active WHERE Id = @id AND Status = 'Queued': true for the one advisor who got it.</summary>
    public Task<bool> TryAcceptAsync(long id, string advisorId, string advisorName, DateTime at, CancellationToken cancellationToken) =>
        UpdateAsync(db => db.Handoffs
            .Where(h => h.Id == id && h.Status == HandoffStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, HandoffStatus.Active)
                .SetProperty(h => h.AdvisorId, advisorId)
                .SetProperty(h => h.AdvisorName, advisorName)
                .SetProperty(h => h.AcceptedAt, at), cancellationToken), cancellationToken);

    /// <summary>Ends the handoff if it is open (and, with <paramref name="advisorId"/>, active with that advisor).</summary>
    public Task<bool> TryEndAsync(long id, string? advisorId, string reason, DateTime at, CancellationToken cancellationToken) =>
        UpdateAsync(db => db.Handoffs
            .Where(h => h.Id == id && h.Status != HandoffStatus.Ended
                && (advisorId == null || (h.Status == HandoffStatus.Active && h.AdvisorId == advisorId)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, HandoffStatus.Ended)
                .SetProperty(h => h.EndedAt, at)
                .SetProperty(h => h.EndReason, reason), cancellationToken), cancellationToken);

    public Task<bool> TryTransferToAdvisorAsync(long id, string fromAdvisorId, string toAdvisorId, string toAdvisorName, CancellationToken cancellationToken) =>
        UpdateAsync(db => db.Handoffs
            .Where(h => h.Id == id && h.Status == HandoffStatus.Active && h.AdvisorId == fromAdvisorId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.AdvisorId, toAdvisorId)
                .SetProperty(h => h.AdvisorName, toAdvisorName), cancellationToken), cancellationToken);

    public Task<bool> TryTransferToTeamAsync(long id, string fromAdvisorId, string teamId, DateTime at, CancellationToken cancellationToken) =>
        UpdateAsync(db => db.Handoffs
            .Where(h => h.Id == id && h.Status == HandoffStatus.Active && h.AdvisorId == fromAdvisorId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, HandoffStatus.Queued)
                .SetProperty(h => h.TeamId, teamId)
                .SetProperty(h => h.AdvisorId, (string?)null)
                .SetProperty(h => h.AdvisorName, (string?)null)
                .SetProperty(h => h.AcceptedAt, (DateTime?)null)
                .SetProperty(h => h.QueuedAt, at), cancellationToken), cancellationToken);

    /// <summary>Claims the one no-answer notice of a queued request: true for the one caller who may send it.</summary>
    public Task<bool> TryMarkNoAnswerNoticeAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync(db => db.Handoffs
            .Where(h => h.Id == id && h.Status == HandoffStatus.Queued && !h.NoAnswerNoticeSent)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.NoAnswerNoticeSent, true), cancellationToken), cancellationToken);

    public Task<bool> RateAsync(long id, int stars, CancellationToken cancellationToken) =>
        UpdateAsync(db => db.Handoffs.Where(h => h.Id == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.Rating, stars), cancellationToken), cancellationToken);

    public Task<HandoffTicketRecord> AddTicketAsync(HandoffTicketRecord ticket, CancellationToken cancellationToken) =>
        AddAsync(ticket, cancellationToken);

    public async Task<IReadOnlyList<HandoffTicketRecord>> TicketsAsync(bool includeClosed, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.HandoffTickets.AsNoTracking()
            .Where(t => includeClosed || t.Status == TicketStatus.Open)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<HandoffTicketRecord?> FindTicketAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.HandoffTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    public async Task<HandoffTicketRecord?> CloseTicketAsync(long id, string closedBy, string? note, DateTime at, CancellationToken cancellationToken)
    {
        await UpdateAsync(db => db.HandoffTickets
            .Where(t => t.Id == id && t.Status == TicketStatus.Open)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TicketStatus.Closed)
                .SetProperty(t => t.ClosedAt, at)
                .SetProperty(t => t.ClosedBy, closedBy)
                .SetProperty(t => t.Note, note), cancellationToken), cancellationToken);
        return await FindTicketAsync(id, cancellationToken);
    }

    public async Task<IReadOnlyList<CannedReplyRecord>> CannedRepliesAsync(string? language, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.CannedReplies.AsNoTracking()
            .Where(c => language == null || c.Language == language)
            .OrderBy(c => c.Language).ThenBy(c => c.Title)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds (id 0) or replaces a canned reply; null when the id is not there.</summary>
    public async Task<CannedReplyRecord?> SaveCannedReplyAsync(CannedReplyRecord reply, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            if (reply.Id == 0)
            {
                db.CannedReplies.Add(reply);
                await db.SaveChangesAsync(cancellationToken);
                return reply;
            }
            var changed = await db.CannedReplies.Where(c => c.Id == reply.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Language, reply.Language)
                .SetProperty(c => c.Title, reply.Title)
                .SetProperty(c => c.Text, reply.Text)
                .SetProperty(c => c.EditedBy, reply.EditedBy)
                .SetProperty(c => c.EditedAt, reply.EditedAt), cancellationToken);
            return changed == 1 ? reply : null;
        }
    }

    public Task<bool> DeleteCannedReplyAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync(db => db.CannedReplies.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken), cancellationToken);

    private async Task<bool> UpdateAsync(Func<KokkaDbContext, Task<int>> update, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
            return await update(db) == 1;
    }
}
