using KokkaBot.Bot.State;
using KokkaBot.Channels.DirectLine;
using Microsoft.EntityFrameworkCore;

namespace KokkaBot.Storage;

/// <summary>
/// The host's own data: bot state and Direct Line conversation logs (later the handoff queue).
/// Each capability configures its entities in its own folder.
/// </summary>
public sealed class KokkaDbContext(DbContextOptions<KokkaDbContext> options) : DbContext(options)
{
    public DbSet<BotStateRecord> BotStates => Set<BotStateRecord>();
    public DbSet<DirectLineConversationRecord> DirectLineConversations => Set<DirectLineConversationRecord>();
    public DbSet<DirectLineActivityRecord> DirectLineActivities => Set<DirectLineActivityRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KokkaDbContext).Assembly);
}
