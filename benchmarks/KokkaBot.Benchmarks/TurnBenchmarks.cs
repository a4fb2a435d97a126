using BenchmarkDotNet.Attributes;
using KokkaBot.Bot;
using KokkaBot.Bot.Schema;
using KokkaBot.Channels.Connector;
using KokkaBot.Conversation;
using KokkaBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KokkaBot.Benchmarks;

/// <summary>
/// One bot turn in process, without HTTP: the load scenario's three-turn script over 1,000
/// conversations, through the real pipeline, dialogs and state saved to a real SQLite file.
/// </summary>
[MemoryDiagnoser]
public class TurnBenchmarks
{
    private static readonly string[] Topics = ["Billing", "Shipping", "Returns", "Technical support"];
    private ServiceProvider _services = null!;
    private ConnectorAdapter _adapter = null!;
    private string _directory = null!;
    private int _next;

    [Params(true, false)]
    public bool CacheState { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "kokkabot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Kokka"] = $"Data Source={_directory}/kokkabot.db",
            ["Storage:DataDirectory"] = _directory,
            ["Storage:CacheState"] = CacheState.ToString(),
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKokkaStorage(configuration, new BenchmarkEnvironment(_directory))
            .AddBotRuntime()
            .AddKokkaConversation()
            .AddBotConnector(configuration);
        _services = services.BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>())
            hosted.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _adapter = _services.GetRequiredService<ConnectorAdapter>();

        // Warm every conversation through its first turn, as a running bot would be.
        for (var i = 0; i < 3000; i++)
            Turn().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "turn with expectReplies, state saved to SQLite")]
    public Task<ConnectorTurnResult> Turn()
    {
        var n = _next++;
        var conversation = n % 1000;
        var step = n / 1000 % 3;
        var text = step == 0 ? "hello" : step == 1 ? Topics[conversation % 4] : "I was charged twice on my card";
        return _adapter.ProcessActivityAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"a{n}",
            ChannelId = "emulator",
            ServiceUrl = "http://127.0.0.1:9/",
            DeliveryMode = DeliveryModes.ExpectReplies,
            From = new ChannelAccount { Id = $"user-{conversation}" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = $"conversation-{conversation}" },
            Locale = "en-US",
            Text = text,
        }, ChannelAuthResult.Anonymous, CancellationToken.None);
    }

    private sealed class BenchmarkEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";
        public string ApplicationName { get; set; } = "KokkaBot";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
