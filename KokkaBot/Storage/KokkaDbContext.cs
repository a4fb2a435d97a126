using KokkaBot.Bot.State;
using KokkaBot.Channels.DirectLine;
using KokkaBot.Handoff;
using Microsoft.EntityFrameworkCore;

namespace KokkaBot.Storage;

/// <summary>
/// The host's own data: bot state, Direct Line conversation logs and the handoff queue with its transcripts.
/// Each capability configures its entities in its own folder.
/// </summary>
public sealed class KokkaDbContext(DbContextOptions<KokkaDbContext> options) : DbContext(options)
{
    public DbSet<BotStateRecord> BotStates => Set<BotStateRecord>();
    public DbSet<DirectLineConversationRecord> DirectLineConversations => Set<DirectLineConversationRecord>();
    public DbSet<DirectLineActivityRecord> DirectLineActivities => Set<DirectLineActivityRecord>();
    public DbSet<HandoffRecord> Handoffs => Set<HandoffRecord>();
    public DbSet<HandoffLineRecord> HandoffLines => Set<HandoffLineRecord>();
    public DbSet<HandoffNoteRecord> HandoffNotes => Set<HandoffNoteRecord>();
    public DbSet<HandoffTicketRecord> HandoffTickets => Set<HandoffTicketRecord>();
    public DbSet<CannedReplyRecord> CannedReplies => Set<CannedReplyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KokkaDbContext).Assembly);
}
