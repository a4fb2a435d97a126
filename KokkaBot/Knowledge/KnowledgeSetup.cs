using KokkaBot.Knowledge.Content;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Search;
using KokkaBot.Knowledge.Storage;
using KokkaBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace KokkaBot.Knowledge;

public sealed class KnowledgeStorageOptions
{
    public const string Section = "Knowledge";

    /// <summary>
    /// Sqlite (the embedded default: the knowledge tables live in the host's SQLite file) or Postgres
    /// (a shared server, ConnectionStrings:Knowledge).
    /// </summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^(?i:sqlite|postgres)$", ErrorMessage = "Knowledge:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);
}

public static class KnowledgeSetup
{
    /// <summary>The knowledge base: its tables in the host's database, the search index, the editor, and the seed content for an empty database.</summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LinkCheckOptions>().Bind(configuration.GetSection(LinkCheckOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(LinkChecker.HttpClientName, client =>
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd("KokkaBot-LinkChecker/1.0 (+knowledge base freshness)");
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.AddSingleton<LinkChecker>();
        services.AddHostedService(sp => sp.GetRequiredService<LinkChecker>());
        services.AddOptions<KnowledgeStorageOptions>().Bind(configuration.GetSection(KnowledgeStorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var storage = configuration.GetSection(KnowledgeStorageOptions.Section).Get<KnowledgeStorageOptions>() ?? new KnowledgeStorageOptions();
        if (storage.IsPostgres)
        {
            var connectionString = configuration.GetConnectionString("Knowledge")
                ?? throw new InvalidOperationException("Knowledge:Provider is Postgres: set ConnectionStrings:Knowledge to the PostgreSQL server (Host=…;Database=…;Username=…;Password=…).");
            services.AddPooledDbContextFactory<PostgresKnowledgeDbContext>(db =>
                db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(KnowledgeDbContext.MigrationsHistoryTable)));
            // A server database takes concurrent writers itself.
            services.AddSingleton(sp => new KnowledgeDatabase(
                sp.GetRequiredService<IDbContextFactory<PostgresKnowledgeDbContext>>().CreateDbContext, new DatabaseWriteGate(serializeWrites: false)));
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteKnowledgeDbContext>((sp, db) =>
                StorageSetup.UseDatabase(db, sp.GetRequiredService<DatabaseSettings>().ConnectionString, KnowledgeDbContext.MigrationsHistoryTable));
            services.AddSingleton(sp => new KnowledgeDatabase(
                sp.GetRequiredService<IDbContextFactory<SqliteKnowledgeDbContext>>().CreateDbContext, sp.GetRequiredService<DatabaseWriteGate>()));
        }
        services.AddSingleton(_ => new KnowledgeIndex());
        services.AddSingleton<KnowledgeEditor>();
        services.AddHostedService<KnowledgeInitializer>();
        return services;
    }
}

/// <summary>Migrates the knowledge tables, seeds an empty knowledge base from Content/*.yaml, and builds the search index.</summary>
internal sealed partial class KnowledgeInitializer(KnowledgeDatabase database, KnowledgeEditor editor, ILogger<KnowledgeInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = database.Open())
            await db.Database.MigrateAsync(cancellationToken);

        var (documents, problems) = KnowledgeContent.LoadSeed();
        var seeded = await editor.SeedAsync(documents, problems, cancellationToken);
        if (seeded > 0)
            LogSeeded(seeded);
        var indexed = await editor.RebuildIndexAsync(cancellationToken);
        LogIndexed(indexed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the empty knowledge base with {Count} entries")]
    private partial void LogSeeded(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index ready: {Count} entries")]
    private partial void LogIndexed(int count);
}
