using KokkaBot.Knowledge.Storage;
using KokkaBot.Bot.State;
using KokkaBot.Storage;
using KokkaBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.Bot.State;

/// <summary>The ETag contract of IStorage, on EF Core InMemory and on a real SQLite file.</summary>
public class StorageConcurrencyTests
{
    /// <summary>EF Core on InMemory (the unit tests' store), EF Core on SQLite, and the SQLite fast path the product runs on.</summary>
    public static TheoryData<string> Providers => ["inmemory", "sqlite-ef", "sqlite"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing(string provider)
    {
        await using var services = Build(provider);
        var storage = services.GetRequiredService<IStorage>();
        var ct = TestContext.Current.CancellationToken;

        var first = await storage.WriteAsync([new StoreWrite("k", """{"n":1}""", null)], ct);
        var read = (await storage.ReadAsync(["k"], ct))["k"];
        var second = await storage.WriteAsync([new StoreWrite("k", """{"n":2}""", read.ETag)], ct);

        // Another turn still holds the first ETag.
        var stale = await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            storage.WriteAsync([new StoreWrite("k", """{"n":3}""", first["k"])], ct));

        Assert.Equal("k", stale.Key);
        var now = (await storage.ReadAsync(["k"], ct))["k"];
        Assert.Equal("""{"n":2}""", now.Json);
        Assert.Equal(second["k"], now.ETag);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Creating_a_key_that_another_turn_created_first_is_a_conflict(string provider)
    {
        await using var services = Build(provider);
        var storage = services.GetRequiredService<IStorage>();
        var ct = TestContext.Current.CancellationToken;

        await storage.WriteAsync([new StoreWrite("new", "{}", null)], ct);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync([new StoreWrite("new", """{"a":1}""", null)], ct));
    }

    // EF Core InMemory has no transactions, so atomicity is a promise of the real databases only.
    [Theory]
    [InlineData("sqlite-ef")]
    [InlineData("sqlite")]
    public async Task A_batch_with_one_conflict_writes_nothing(string provider)
    {
        await using var services = Build(provider);
        var storage = services.GetRequiredService<IStorage>();
        var ct = TestContext.Current.CancellationToken;
        var eTags = await storage.WriteAsync([new StoreWrite("a", "{}", null), new StoreWrite("b", "{}", null)], ct);
        await storage.WriteAsync([new StoreWrite("b", """{"x":1}""", eTags["b"])], ct);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(
            [new StoreWrite("a", """{"changed":true}""", eTags["a"]), new StoreWrite("b", """{"x":2}""", eTags["b"])], ct));

        var items = await storage.ReadAsync(["a", "b"], ct);
        Assert.Equal("{}", items["a"].Json);
        Assert.Equal("""{"x":1}""", items["b"].Json);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Any_etag_overwrites_and_delete_removes(string provider)
    {
        await using var services = Build(provider);
        var storage = services.GetRequiredService<IStorage>();
        var ct = TestContext.Current.CancellationToken;

        await storage.WriteAsync([new StoreWrite("k", "{}", StoreWrite.AnyETag)], ct);
        await storage.WriteAsync([new StoreWrite("k", """{"v":2}""", StoreWrite.AnyETag)], ct);
        Assert.Equal("""{"v":2}""", (await storage.ReadAsync(["k"], ct))["k"].Json);

        await storage.DeleteAsync(["k"], ct);
        Assert.Empty(await storage.ReadAsync(["k"], ct));
    }

    private static ServiceProvider Build(string provider)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        if (provider.StartsWith("sqlite", StringComparison.Ordinal))
        {
            var connectionString = StorageSetup.SqliteConnectionString($"Data Source={Path.Combine(KokkaTestHost.NewDataDirectory(), "state.db")}", "/");
            services.AddPooledDbContextFactory<KokkaDbContext>(db => db.UseSqlite(connectionString));
            services.AddSingleton(new DatabaseWriteGate(serializeWrites: true));
            if (provider == "sqlite")
                services.AddSingleton<IStorage>(sp => new SqliteStorage(connectionString, sp.GetRequiredService<DatabaseWriteGate>(), TimeProvider.System));
            else
                services.AddSingleton<IStorage, EfStorage>();
            var built = services.BuildServiceProvider();
            using var db = built.GetRequiredService<IDbContextFactory<KokkaDbContext>>().CreateDbContext();
            db.Database.Migrate();
            return built;
        }
        services.AddSingleton<IStorage, EfStorage>();
        var root = new InMemoryDatabaseRoot();
        services.AddPooledDbContextFactory<KokkaDbContext>(db => db.UseInMemoryDatabase("state", root));
        services.AddSingleton(new DatabaseWriteGate(serializeWrites: false));
        return services.BuildServiceProvider();
    }
}
