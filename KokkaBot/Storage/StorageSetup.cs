using KokkaBot.Knowledge.Storage;
using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Runtime.CompilerServices;
using KokkaBot.Bot.State;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace KokkaBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (the embedded default). PostgreSQL arrives with the scale-out work.</summary>
    [Required, RegularExpression("^(?i:sqlite)$", ErrorMessage = "Storage:Provider must be 'Sqlite' (PostgreSQL support is not in this build yet).")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder for runtime data (the SQLite file, the generated development secret); relative to the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Keep recently used bot state in memory (writes still go to the database on every turn).
    /// Right for one instance per database; switch off when several instances share one.
    /// </summary>
    public bool CacheState { get; set; } = true;

    /// <summary>How many conversations' and users' states the cache holds at most.</summary>
    [Range(100, 10_000_000)]
    public int CacheStateEntries { get; set; } = 50_000;
}

/// <summary>The memory cache of bot state, owned by the container so that it is disposed with it.</summary>
public sealed class StateCache(IMemoryCache cache) : IDisposable
{
    public IMemoryCache Cache { get; } = cache;

    public void Dispose() => Cache.Dispose();
}

/// <summary>Where runtime data lives, resolved once against the content root.</summary>
public sealed record DataFolder(string Path);

/// <summary>The database every capability stores into, resolved once (a relative SQLite path against the content root).</summary>
public sealed record DatabaseSettings(string ConnectionString);

public static class StorageSetup
{
    public static IServiceCollection AddKokkaStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataFolder = new DataFolder(Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DataDirectory)));
        Directory.CreateDirectory(dataFolder.Path);
        services.AddSingleton(dataFolder);

        var connectionString = SqliteConnectionString(configuration.GetConnectionString("Kokka"), environment.ContentRootPath);
        services.AddSingleton(new DatabaseSettings(connectionString));
        services.AddPooledDbContextFactory<KokkaDbContext>(db => UseDatabase(db, connectionString));

        services.AddSingleton(new DatabaseWriteGate(serializeWrites: true));
        // The state table is created by the migrations (StorageInitializer runs before the first turn).
        services.AddSingleton(sp => new SqliteStorage(connectionString, sp.GetRequiredService<DatabaseWriteGate>(), sp.GetRequiredService<TimeProvider>()));
        if (options.CacheState)
        {
            services.AddSingleton(new StateCache(new MemoryCache(new MemoryCacheOptions { SizeLimit = options.CacheStateEntries })));
            services.AddSingleton<IStorage>(sp => new CachedStorage(sp.GetRequiredService<SqliteStorage>(), sp.GetRequiredService<StateCache>().Cache));
        }
        else
        {
            services.AddSingleton<IStorage>(sp => sp.GetRequiredService<SqliteStorage>());
        }
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton(sp => new SqliteCheckpointer(connectionString, sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        return services;
    }

    /// <summary>The one way every DbContext of the host connects to the database.</summary>
    public static DbContextOptionsBuilder UseDatabase(DbContextOptionsBuilder db, string connectionString, string? migrationsHistoryTable = null) => db
        .UseSqlite(connectionString, sqlite =>
        {
            if (migrationsHistoryTable is not null)
                sqlite.MigrationsHistoryTable(migrationsHistoryTable);
        })
        .AddInterceptors(new SqliteConnectionPragmas());

    /// <summary>Makes a relative <c>Data Source</c> relative to the content root (not the current directory) and creates its folder.</summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/kokkabot.db" : configured);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        builder.Pooling = true;
        return builder.ToString();
    }
}

/// <summary>
/// Per-connection SQLite settings: WAL allows readers beside the writer; NORMAL sync is safe in WAL
/// mode. Set once per physical connection (pooled connections are opened again and again).
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas = SqliteCheckpointer.ConnectionPragmas + " PRAGMA foreign_keys = ON;";
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
}

/// <summary>Creates and migrates the database before the server takes requests.</summary>
internal sealed partial class StorageInitializer(IDbContextFactory<KokkaDbContext> databases, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var dataSource = db.Database.GetDbConnection().DataSource;
        LogReady(dataSource);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready at {DataSource}")]
    private partial void LogReady(string dataSource);
}
