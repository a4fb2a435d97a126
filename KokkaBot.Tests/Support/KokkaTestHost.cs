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
        var builder = CreateBuilder(data, settings);

        var app = builder.Build();
        app.MapKokkaBot();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new KokkaTestHost(app, new Uri(address + "/"), data);
    }

    /// <summary>The whole product, configured for a test on loopback with its own data folder (other hosts add to it).</summary>
    public static WebApplicationBuilder CreateBuilder(string data, IDictionary<string, string?>? settings = null)
    {
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
            ["Logging:LogLevel:KokkaBot.Staff.StaffInitializer"] = "Error",
            // Tests run the link checker themselves, against servers on loopback.
            ["Knowledge:LinkCheck:Enabled"] = "false",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddKokkaBot();
        return builder;
    }

    /// <summary>Creates a staff account through the product's own account service.</summary>
    public async Task CreateStaffAsync(string email, string password, string role, IReadOnlyList<string>? towns = null)
    {
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<KokkaBot.Staff.StaffAccounts>().CreateAsync(email, email, password, role, towns);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>An HTTP client signed in as a staff member through the real sign-in page (antiforgery token and all).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password)
    {
        var handler = new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var page = await client.GetStringAsync("staff/signin", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("staff/signin", form, TestContext.Current.CancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: HTTP {(int)response.StatusCode}.");
        return client;
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
