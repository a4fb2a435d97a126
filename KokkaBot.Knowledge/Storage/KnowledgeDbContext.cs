using System.Text.Json;
using KokkaBot.Knowledge.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KokkaBot.Knowledge.Storage;

/// <summary>
/// The knowledge base's tables: entries with their texts, their history, the audit log, link
/// checks, unanswered questions, students' feedback on answers. One subclass per database
/// provider carries that provider's migrations.
/// </summary>
public abstract class KnowledgeDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__KnowledgeMigrations";

    public DbSet<KnowledgeEntry> Entries => Set<KnowledgeEntry>();
    public DbSet<EntryRevision> Revisions => Set<EntryRevision>();
    public DbSet<AuditRecord> Audit => Set<AuditRecord>();
    public DbSet<LinkCheck> LinkChecks => Set<LinkCheck>();
    public DbSet<UnansweredQuestion> UnansweredQuestions => Set<UnansweredQuestion>();
    public DbSet<AnswerFeedback> AnswerFeedback => Set<AnswerFeedback>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KnowledgeDbContext).Assembly);
}

/// <summary>The embedded default.</summary>
public sealed class SqliteKnowledgeDbContext(DbContextOptions<SqliteKnowledgeDbContext> options) : KnowledgeDbContext(options);

/// <summary>For deployments that share a PostgreSQL server.</summary>
public sealed class PostgresKnowledgeDbContext(DbContextOptions<PostgresKnowledgeDbContext> options) : KnowledgeDbContext(options);

internal sealed class KnowledgeEntryConfiguration : IEntityTypeConfiguration<KnowledgeEntry>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntry> builder)
    {
        builder.ToTable("KnowledgeEntries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Slug).HasMaxLength(120);
        builder.Property(e => e.Category).HasMaxLength(64);
        builder.Property(e => e.Owner).HasMaxLength(120);
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Towns).AsJsonList();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.Status);
        builder.HasIndex(e => e.ReviewDue);

        builder.OwnsOne(e => e.Contact, contact =>
        {
            contact.Property(c => c.Address).HasMaxLength(300);
            contact.Property(c => c.Phone).HasMaxLength(40);
            contact.Property(c => c.Email).HasMaxLength(200);
            contact.Property(c => c.Url).HasMaxLength(500);
            contact.Property(c => c.OpeningHours).HasMaxLength(300);
        });
        builder.OwnsOne(e => e.Source, source =>
        {
            source.Property(s => s.Name).HasMaxLength(300);
            source.Property(s => s.Url).HasMaxLength(500);
            source.Property(s => s.Date).HasMaxLength(60);
            source.Property(s => s.Facts).AsJsonList();
        });
        builder.OwnsOne(e => e.Employer, employer =>
        {
            employer.Property(m => m.Sector).HasMaxLength(200);
            employer.Property(m => m.Size).HasMaxLength(100);
            employer.Property(m => m.CareersUrl).HasMaxLength(500);
            employer.Property(m => m.WorkingLanguages).AsJsonList();
        });
        builder.Navigation(e => e.Contact).IsRequired();
        builder.Navigation(e => e.Source).IsRequired();
        builder.OwnsMany(e => e.Texts, text =>
        {
            text.ToTable("KnowledgeEntryTexts");
            text.WithOwner().HasForeignKey("EntryId");
            text.HasKey("EntryId", nameof(EntryText.Language));
            text.Property(t => t.Language).HasMaxLength(8);
            text.Property(t => t.Title).HasMaxLength(300);
            text.Property(t => t.Summary).HasMaxLength(500);
            text.Property(t => t.Keywords).AsJsonList();
        });
    }
}

internal static class JsonListProperty
{
    private static readonly ValueComparer<List<string>> Comparer = new(
        (a, b) => (a ?? new List<string>()).SequenceEqual(b ?? new List<string>()),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());

    /// <summary>A short list of strings stored as one JSON text column (portable across SQLite and PostgreSQL).</summary>
    public static PropertyBuilder<List<string>> AsJsonList(this PropertyBuilder<List<string>> property) =>
        property.HasConversion(
                list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>(),
                Comparer)
            .IsRequired();
}
