using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KokkaBot.Knowledge.Storage;

/// <summary>An entry as it was after one saved change: the history that diffs and rollbacks use.</summary>
public sealed class EntryRevision
{
    public long Id { get; set; }
    public int EntryId { get; set; }
    public required string Slug { get; set; }
    public int Version { get; set; }

    /// <summary>created, updated, published, unpublished, archived, rolled-back, imported.</summary>
    public required string Change { get; set; }

    /// <summary>The whole entry as JSON (an <see cref="Exchange.EntryDocument"/>).</summary>
    public required string Snapshot { get; set; }

    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>Who did what, when: every change by a person or a job.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Slug { get; set; }
    public string? Detail { get; set; }
}

/// <summary>The last check of one link of an entry.</summary>
public sealed class LinkCheck
{
    public long Id { get; set; }
    public int EntryId { get; set; }
    public required string Slug { get; set; }

    /// <summary>contact.url, source.url, employer.careersUrl.</summary>
    public required string Field { get; set; }

    public required string Url { get; set; }

    /// <summary>ok, broken (the server answered 4xx/5xx), unreachable (no answer in time or at all).</summary>
    public required string Outcome { get; set; }

    public int? HttpStatus { get; set; }
    public string? Error { get; set; }
    public DateTime CheckedAt { get; set; }
}

/// <summary>A question the bot could not answer well: coordinators see these to know what to write next.</summary>
public sealed class UnansweredQuestion
{
    public long Id { get; set; }
    public required string Text { get; set; }
    public required string Language { get; set; }
    public string? Town { get; set; }
    public string? BestSlug { get; set; }
    public double BestScore { get; set; }
    public DateTime AskedAt { get; set; }
    public bool Resolved { get; set; }
}

/// <summary>A student's thumbs up or down on one answer card: which answers help and which need rewriting.</summary>
public sealed class AnswerFeedback
{
    public long Id { get; set; }

    /// <summary>The entry the answer came from.</summary>
    public required string Slug { get; set; }

    public bool Helpful { get; set; }

    /// <summary>What the student asked.</summary>
    public required string Question { get; set; }

    public required string Language { get; set; }
    public string? Town { get; set; }

    /// <summary>When the feedback was given (UTC).</summary>
    public DateTime At { get; set; }
}

internal sealed class EntryRevisionConfiguration : IEntityTypeConfiguration<EntryRevision>
{
    public void Configure(EntityTypeBuilder<EntryRevision> builder)
    {
        builder.ToTable("KnowledgeRevisions");
        builder.HasIndex(r => new { r.EntryId, r.Version }).IsUnique();
        builder.Property(r => r.Slug).HasMaxLength(120);
        builder.Property(r => r.Change).HasMaxLength(32);
        builder.Property(r => r.ChangedBy).HasMaxLength(256);
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("KnowledgeAudit");
        builder.HasIndex(a => a.At);
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Slug).HasMaxLength(120);
    }
}

internal sealed class LinkCheckConfiguration : IEntityTypeConfiguration<LinkCheck>
{
    public void Configure(EntityTypeBuilder<LinkCheck> builder)
    {
        builder.ToTable("KnowledgeLinkChecks");
        builder.HasIndex(l => new { l.EntryId, l.Field }).IsUnique();
        builder.Property(l => l.Slug).HasMaxLength(120);
        builder.Property(l => l.Field).HasMaxLength(64);
        builder.Property(l => l.Url).HasMaxLength(500);
        builder.Property(l => l.Outcome).HasMaxLength(16);
    }
}

internal sealed class UnansweredQuestionConfiguration : IEntityTypeConfiguration<UnansweredQuestion>
{
    public void Configure(EntityTypeBuilder<UnansweredQuestion> builder)
    {
        builder.ToTable("KnowledgeUnansweredQuestions");
        builder.HasIndex(q => q.AskedAt);
        builder.Property(q => q.Text).HasMaxLength(1000);
        builder.Property(q => q.Language).HasMaxLength(8);
        builder.Property(q => q.Town).HasMaxLength(32);
        builder.Property(q => q.BestSlug).HasMaxLength(120);
    }
}

internal sealed class AnswerFeedbackConfiguration : IEntityTypeConfiguration<AnswerFeedback>
{
    public void Configure(EntityTypeBuilder<AnswerFeedback> builder)
    {
        builder.ToTable("KnowledgeAnswerFeedback");
        builder.HasIndex(f => f.Slug);
        builder.HasIndex(f => f.At);
        builder.Property(f => f.Slug).HasMaxLength(120);
        builder.Property(f => f.Question).HasMaxLength(1000);
        builder.Property(f => f.Language).HasMaxLength(8);
        builder.Property(f => f.Town).HasMaxLength(32);
    }
}
