using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KokkaBot.Handoff;

/// <summary>A request for a person, from the queue to the end: the row the whole handoff turns on.</summary>
public sealed class HandoffRecord
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string ChannelId { get; set; }

    /// <summary>The <see cref="Bot.Schema.ConversationReference"/> the advisor's messages are delivered with, as JSON.</summary>
    public required string ReferenceJson { get; set; }

    public string? UserName { get; set; }
    public required string Language { get; set; }
    public string? Town { get; set; }
    public string? Role { get; set; }
    public required string Topic { get; set; }
    public required string Reason { get; set; }
    public required string Trigger { get; set; }
    public required string TeamId { get; set; }
    public HandoffStatus Status { get; set; }
    public string? AdvisorId { get; set; }
    public string? AdvisorName { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When the request (last) joined the queue: at the start, or when it was transferred to a team.</summary>
    public DateTime QueuedAt { get; set; }

    public DateTime? AcceptedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndReason { get; set; }
    public int? Rating { get; set; }
    public bool NoAnswerNoticeSent { get; set; }
}

/// <summary>One line of a handoff's transcript: the bot's conversation before it, and everything said during it.</summary>
public sealed class HandoffLineRecord
{
    public long Id { get; set; }
    public long HandoffId { get; set; }

    /// <summary>One of <see cref="TranscriptSender"/>.</summary>
    public required string From { get; set; }

    /// <summary>The advisor's display name on advisor lines.</summary>
    public string? Author { get; set; }

    public required string Text { get; set; }
    public DateTime At { get; set; }

    /// <summary>The channel's id of the user's activity, so that a message forwarded twice is stored once.</summary>
    public string? ActivityId { get; set; }
}

/// <summary>What advisors write for each other about a conversation; never shown to the user.</summary>
public sealed class HandoffNoteRecord
{
    public long Id { get; set; }
    public long HandoffId { get; set; }
    public required string AuthorId { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
}

public enum TicketStatus { Open, Closed }

/// <summary>A message left for advisors when nobody could answer live; contact details only with the user's consent.</summary>
public sealed class HandoffTicketRecord
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string ChannelId { get; set; }
    public required string ReferenceJson { get; set; }
    public required string Language { get; set; }
    public string? Town { get; set; }
    public required string Topic { get; set; }
    public required string Reason { get; set; }
    public required string TeamId { get; set; }
    public required string Message { get; set; }
    public string? Contact { get; set; }
    public TicketStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? Note { get; set; }
}

/// <summary>A reply advisors keep at hand, per language.</summary>
public sealed class CannedReplyRecord
{
    public long Id { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public required string EditedBy { get; set; }
    public DateTime EditedAt { get; set; }
}

internal sealed class HandoffConfiguration : IEntityTypeConfiguration<HandoffRecord>
{
    public void Configure(EntityTypeBuilder<HandoffRecord> builder)
    {
        builder.ToTable("Handoffs");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.ConversationId).HasMaxLength(256);
        builder.Property(h => h.ChannelId).HasMaxLength(64);
        builder.Property(h => h.UserName).HasMaxLength(256);
        builder.Property(h => h.Language).HasMaxLength(16);
        builder.Property(h => h.Town).HasMaxLength(64);
        builder.Property(h => h.Role).HasMaxLength(64);
        builder.Property(h => h.Topic).HasMaxLength(128);
        builder.Property(h => h.Reason).HasMaxLength(1000);
        builder.Property(h => h.Trigger).HasMaxLength(32);
        builder.Property(h => h.TeamId).HasMaxLength(64);
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.AdvisorId).HasMaxLength(450);
        builder.Property(h => h.AdvisorName).HasMaxLength(256);
        builder.Property(h => h.EndReason).HasMaxLength(64);
        builder.HasIndex(h => new { h.Status, h.QueuedAt });
        builder.HasIndex(h => new { h.AdvisorId, h.Status });
        // At most one open handoff per conversation: the bot's state and the queue can never disagree about which.
        builder.HasIndex(h => h.ConversationId).IsUnique().HasFilter("\"Status\" <> 'Ended'").HasDatabaseName("IX_Handoffs_OpenConversation");
        builder.HasIndex(h => new { h.TeamId, h.EndedAt });
    }
}

internal sealed class HandoffLineConfiguration : IEntityTypeConfiguration<HandoffLineRecord>
{
    public void Configure(EntityTypeBuilder<HandoffLineRecord> builder)
    {
        builder.ToTable("HandoffLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.From).HasMaxLength(16);
        builder.Property(l => l.Author).HasMaxLength(256);
        builder.Property(l => l.ActivityId).HasMaxLength(256);
        builder.HasIndex(l => new { l.HandoffId, l.Id });
        builder.HasIndex(l => new { l.HandoffId, l.ActivityId }).IsUnique().HasFilter("\"ActivityId\" IS NOT NULL");
        builder.HasOne<HandoffRecord>().WithMany().HasForeignKey(l => l.HandoffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HandoffNoteConfiguration : IEntityTypeConfiguration<HandoffNoteRecord>
{
    public void Configure(EntityTypeBuilder<HandoffNoteRecord> builder)
    {
        builder.ToTable("HandoffNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.AuthorId).HasMaxLength(450);
        builder.Property(n => n.Author).HasMaxLength(256);
        builder.HasIndex(n => new { n.HandoffId, n.Id });
        builder.HasOne<HandoffRecord>().WithMany().HasForeignKey(n => n.HandoffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HandoffTicketConfiguration : IEntityTypeConfiguration<HandoffTicketRecord>
{
    public void Configure(EntityTypeBuilder<HandoffTicketRecord> builder)
    {
        builder.ToTable("HandoffTickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ConversationId).HasMaxLength(256);
        builder.Property(t => t.ChannelId).HasMaxLength(64);
        builder.Property(t => t.Language).HasMaxLength(16);
        builder.Property(t => t.Town).HasMaxLength(64);
        builder.Property(t => t.Topic).HasMaxLength(128);
        builder.Property(t => t.Reason).HasMaxLength(1000);
        builder.Property(t => t.TeamId).HasMaxLength(64);
        builder.Property(t => t.Message).HasMaxLength(4000);
        builder.Property(t => t.Contact).HasMaxLength(256);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ClosedBy).HasMaxLength(256);
        builder.Property(t => t.Note).HasMaxLength(4000);
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
    }
}

internal sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReplyRecord>
{
    public void Configure(EntityTypeBuilder<CannedReplyRecord> builder)
    {
        builder.ToTable("CannedReplies");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Language).HasMaxLength(16);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.EditedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.Language, c.Title });
    }
}
