using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KokkaBot.Channels.DirectLine;

/// <summary>A Direct Line conversation: who it belongs to and the next sequence number of its log.</summary>
public sealed class DirectLineConversationRecord
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public string? UserName { get; set; }
    public string? Locale { get; set; }

    /// <summary>True once the bot was told of the conversation (conversationUpdate).</summary>
    public bool Started { get; set; }

    /// <summary>The sequence number the next activity gets; a concurrency token, so two writers never share one.</summary>
    public long NextSequence { get; set; } = 1;

    public DateTime CreatedAt { get; set; }
    public DateTime LastActivityAt { get; set; }
}

/// <summary>One activity of a conversation's log; its sequence number is the watermark.</summary>
public sealed class DirectLineActivityRecord
{
    public required string ConversationId { get; set; }
    public long Sequence { get; set; }
    public required string Type { get; set; }
    public required string Json { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class DirectLineConversationConfiguration : IEntityTypeConfiguration<DirectLineConversationRecord>
{
    public void Configure(EntityTypeBuilder<DirectLineConversationRecord> builder)
    {
        builder.ToTable("DirectLineConversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(256);
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.Property(c => c.Locale).HasMaxLength(32);
        builder.Property(c => c.NextSequence).IsConcurrencyToken();
    }
}

internal sealed class DirectLineActivityConfiguration : IEntityTypeConfiguration<DirectLineActivityRecord>
{
    public void Configure(EntityTypeBuilder<DirectLineActivityRecord> builder)
    {
        builder.ToTable("DirectLineActivities");
        builder.HasKey(a => new { a.ConversationId, a.Sequence });
        builder.Property(a => a.ConversationId).HasMaxLength(64);
        builder.Property(a => a.Type).HasMaxLength(64);
        builder.HasOne<DirectLineConversationRecord>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
