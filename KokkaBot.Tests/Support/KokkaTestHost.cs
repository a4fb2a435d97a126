using KokkaBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KokkaBot.Tests.Support;

/// <summary>
/// The whole product on real Kestrel, bound to 127.0.0.1 on a free port, with its own SQLite file in
/// its own data folder. Start two hosts on the same folder one after the other to test a restart.
/// </summary>
public sealed class KokkaTestHost : IAsyncDisposable
{
    public const string DirectLineSecret = "test-directline-secret-0123456789";

    private readonly WebApplication _app;

    private KokkaTestHost(WebApplication app, Uri baseAddress, string dataDirectory)
    {
        _app = app;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<KokkaTestHost> StartAsync(string? dataDirectory = null, IDictionary<string, string?>? settings = null)
    {
        var data = dataDirectory ?? NewDataDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Paths.KokkaProject,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Kokka"] = $"Data Source={Path.Combine(data, "kokkabot.db")}",
            ["Storage:DataDirectory"] = data,
            ["DirectLine:Secret"] = DirectLineSecret,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:KokkaBot.Channels.Connector.ConnectorModeAnnouncer"] = "Error",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddKokkaBot();

        var app = builder.Build();
        app.MapKokkaBot();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new KokkaTestHost(app, new Uri(address + "/"), data);
    }

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "kokkabot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        // Let SQLite release the file, so that a restarted host opens it fresh.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

public static class Paths
{
    /// <summary>The repository root (where KokkaBot.sln is), found from the test binaries.</summary>
    public static string Repository { get; } = FindRepository();

    public static string KokkaProject => Path.Combine(Repository, "KokkaBot");

    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(Repository, "KokkaBot.Tests", "TestResults", "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KokkaBot.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("KokkaBot.sln not found above " + AppContext.BaseDirectory);
    }
}
