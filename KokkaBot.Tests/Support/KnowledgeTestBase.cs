using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Exchange;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Search;
using KokkaBot.Knowledge.Storage;
using KokkaBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace KokkaBot.Tests.Support;

/// <summary>A knowledge base on its own SQLite file with its own in-memory search index, without a web host.</summary>
public sealed class KnowledgeTestBase : IDisposable
{
    public KnowledgeTestBase()
    {
        var file = Path.Combine(KokkaTestHost.NewDataDirectory(), "knowledge.db");
        var connectionString = StorageSetup.SqliteConnectionString($"Data Source={file}", "/");
        var options = StorageSetup.UseDatabase(new DbContextOptionsBuilder<SqliteKnowledgeDbContext>(), connectionString, KnowledgeDbContext.MigrationsHistoryTable).Options;
        Database = new KnowledgeDatabase(() => new SqliteKnowledgeDbContext((DbContextOptions<SqliteKnowledgeDbContext>)options), new DatabaseWriteGate(serializeWrites: true));
        using (var db = Database.Open())
            db.Database.Migrate();
        Index = new KnowledgeIndex();
        Editor = new KnowledgeEditor(Database, Index, TimeProvider.System);
    }

    public KnowledgeDatabase Database { get; }
    public KnowledgeIndex Index { get; }
    public KnowledgeEditor Editor { get; }

    public static readonly Editor Coordinator = new("coordinator@example.fi");

    /// <summary>A valid entry with English and Finnish text, in the given towns (national when none).</summary>
    public static KnowledgeEntry Entry(string slug, string englishTitle = "Library card", string finnishTitle = "Kirjastokortti", params string[] towns) => new EntryDocument
    {
        Slug = slug,
        Kind = "service",
        Category = "community",
        Towns = towns.ToList(),
        Status = "draft",
        Owner = "tests",
        Source = new SourceDocument { Name = "kyyti.finna.fi", Url = "https://kyyti.finna.fi", Date = "2024", Facts = ["R6"] },
        Verified = new DateOnly(2026, 11, 27),
        ReviewDue = new DateOnly(2027, 5, 27),
        Contact = new ContactDocument { Url = "https://kyyti.finna.fi", Phone = "05 234 4171" },
        Content = new Dictionary<string, TextDocument>
        {
            ["en"] = new() { Title = englishTitle, Summary = $"About {englishTitle.ToLowerInvariant()}.", Body = $"{englishTitle}: what it is and how to get it.", Keywords = ["library"] },
            ["fi"] = new() { Title = finnishTitle, Summary = $"Tietoa: {finnishTitle.ToLowerInvariant()}.", Body = $"{finnishTitle}: mikä se on ja miten sen saa.", Keywords = ["kirjasto"] },
        },
    }.ToEntity();

    public void Dispose() => Index.Dispose();
}
