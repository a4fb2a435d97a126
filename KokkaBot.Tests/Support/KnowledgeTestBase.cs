using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Exchange;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Search;
using KokkaBot.Knowledge.Storage;
using KokkaBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace KokkaBot.Tests.Support;

/// <summary>
/// A knowledge base with its own database and its own in-memory search index, without a web host:
/// a fresh SQLite file, or a fresh database on the PostgreSQL server that .ci/run starts.
/// </summary>
public sealed class KnowledgeTestBase : IDisposable
{
    /// <summary>The PostgreSQL server for tests (.ci/run sets it); without it PostgreSQL tests skip, except in CI.</summary>
    public const string PostgresVariable = "KOKKA_TEST_POSTGRES";

    private readonly string? _postgresDatabase;

    public KnowledgeTestBase(string provider = "sqlite")
    {
        if (provider == "postgres")
        {
            var server = PostgresServer();
            _postgresDatabase = "kokka_test_" + Guid.NewGuid().ToString("N")[..12];
            var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
            var options = new DbContextOptionsBuilder<PostgresKnowledgeDbContext>()
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(KnowledgeDbContext.MigrationsHistoryTable)).Options;
            Database = new KnowledgeDatabase(() => new PostgresKnowledgeDbContext(options), new DatabaseWriteGate(serializeWrites: false));
        }
        else
        {
            var file = Path.Combine(KokkaTestHost.NewDataDirectory(), "knowledge.db");
            var connectionString = StorageSetup.SqliteConnectionString($"Data Source={file}", "/");
            var options = StorageSetup.UseDatabase(new DbContextOptionsBuilder<SqliteKnowledgeDbContext>(), connectionString, KnowledgeDbContext.MigrationsHistoryTable).Options;
            Database = new KnowledgeDatabase(() => new SqliteKnowledgeDbContext((DbContextOptions<SqliteKnowledgeDbContext>)options), new DatabaseWriteGate(serializeWrites: true));
        }
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

    public void Dispose()
    {
        Index.Dispose();
        if (_postgresDatabase is null)
            return;
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection(PostgresServer());
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    /// <summary>The server's connection string; skips the test when there is none outside CI.</summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server))
            return server;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Assert.Fail($"CI runs the PostgreSQL tests, but {PostgresVariable} is not set: .ci/run starts a server and sets it.");
        Assert.Skip($"No PostgreSQL server: set {PostgresVariable} (for example \"Host=127.0.0.1;Username=postgres;Password=…\") to run the PostgreSQL tests (CI always does).");
        return "";
    }
}
