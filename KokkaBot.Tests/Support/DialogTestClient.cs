using KokkaBot.Knowledge.Storage;
using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Schema;
using KokkaBot.Bot.State;
using KokkaBot.Conversation;
using KokkaBot.Conversation.Texts;
using KokkaBot.Escalation;
using KokkaBot.Handoff;
using KokkaBot.ServicePaths;
using KokkaBot.Storage;
using KokkaBot.TextAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.Support;

/// <summary>
/// Talks to a bot the way a channel does, through the real pipeline and state middleware, over EF
/// Core InMemory storage. Like Bot Builder's DialogTestClient: send text, get the replies (and, for
/// dialogs under test, the turn's result); the transcript goes to the test output.
/// </summary>
public sealed class DialogTestClient : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestAdapter _adapter;
    private readonly ITestOutputHelper? _output;
    private int _turn;

    private DialogTestClient(ServiceProvider services, ITestOutputHelper? output, string locale)
    {
        _services = services;
        _output = output;
        _adapter = new TestAdapter(services.GetRequiredService<BotPipeline>(), services.GetRequiredService<ConversationLocks>());
        Locale = locale;
    }

    public string ChannelId { get; set; } = "test";
    public string ConversationId { get; set; } = "conversation-" + Guid.NewGuid().ToString("N")[..8];
    public string UserId { get; set; } = "user-" + Guid.NewGuid().ToString("N")[..8];
    public string Locale { get; set; }
    public IServiceProvider Services => _services;

    /// <summary>The result of the last turn, for bots built with <see cref="ForDialogs"/>.</summary>
    public DialogTurnResult? LastResult => _services.GetService<DialogResultRecorder>()?.Last;

    /// <summary>KokkaBot itself, as users meet it.</summary>
    public static DialogTestClient ForKokka(ITestOutputHelper? output = null, string locale = "en-US", TestDatabase? database = null, IDictionary<string, string?>? settings = null) =>
        new(Build(database, services =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
            var knowledge = SeededKnowledge.Instance;
            services.AddSingleton(knowledge.Index);
            services.AddSingleton(knowledge.Editor);
            services.AddTextAnalysis(new ConfigurationBuilder().Build());
            services.AddSingleton<FakeHandoffService>();
            services.AddSingleton<IHandoffService>(sp => sp.GetRequiredService<FakeHandoffService>());
            services.AddEscalation(configuration);
            services.AddServicePaths(new ConfigurationBuilder().Build());
            services.AddKokkaConversation();
        }), output, locale);

    /// <summary>A bare bot that only runs the given dialogs, for testing the dialog engine.</summary>
    public static DialogTestClient ForDialogs(IEnumerable<Dialog> dialogs, string rootDialogId, ITestOutputHelper? output = null, IDialogInterruptions? interruptions = null, TestDatabase? database = null) =>
        new(Build(database, services =>
        {
            services.AddSingleton<DialogResultRecorder>();
            services.AddSingleton(sp => new DialogRunner(
                new DialogSet(dialogs) { OnFlowRestarted = (dc, id, ct) => dc.Context.SendActivityAsync($"[restarted {id}]", ct) },
                rootDialogId,
                sp.GetRequiredService<ConversationState>().CreateProperty<DialogState>("dialogState"),
                interruptions));
            services.AddSingleton<TurnErrorReply>((_, e) => MessageFactory.Text($"[sorry: {e.Message}]"));
            services.AddSingleton<IMiddleware, TurnErrorMiddleware>();
            services.AddSingleton<IMiddleware, AutoSaveStateMiddleware>();
            services.AddSingleton<IBot, DialogBot>();
        }), output, "en-US");

    /// <summary>Talks as this user in this conversation (to continue one that another client started).</summary>
    public DialogTestClient As(string conversationId, string userId)
    {
        ConversationId = conversationId;
        UserId = userId;
        return this;
    }

    /// <summary>
    /// A proactive turn in this conversation (what the handoff side does when an advisor accepts or
    /// ends): the callback runs with state loaded; returns what the bot sent.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> ContinueAsync(Func<TurnContext, CancellationToken, Task> callback)
    {
        var adapter = _adapter;
        var before = adapter.Sent.Count;
        var reference = new ConversationReference
        {
            ChannelId = ChannelId,
            Conversation = new ConversationAccount { Id = ConversationId },
            User = new ChannelAccount { Id = UserId, Name = "Student", Role = RoleTypes.User },
            Bot = new ChannelAccount { Id = "bot", Name = "KokkaBot", Role = RoleTypes.Bot },
            Locale = Locale,
        };
        await adapter.ContinueConversationAsync(reference, (turn, ct) => callback(turn, ct), CancellationToken.None);
        var sent = adapter.Sent.Skip(before).ToList();
        foreach (var activity in sent)
            _output?.WriteLine($"bot > {Describe(activity)}");
        return sent;
    }

    public Task<IReadOnlyList<Activity>> SendAsync(string text) => SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>The user opens the conversation (the bot sees conversationUpdate with the user added).</summary>
    public Task<IReadOnlyList<Activity>> JoinAsync() => SendActivityAsync(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount { Id = "bot" }, new ChannelAccount { Id = UserId }],
    });

    public async Task<IReadOnlyList<Activity>> SendActivityAsync(Activity activity)
    {
        var incoming = activity with
        {
            Id = activity.Id ?? $"in-{++_turn}",
            ChannelId = activity.ChannelId ?? ChannelId,
            Conversation = activity.Conversation ?? new ConversationAccount { Id = ConversationId },
            From = activity.From ?? new ChannelAccount { Id = UserId, Name = "Student", Role = RoleTypes.User },
            Recipient = activity.Recipient ?? new ChannelAccount { Id = "bot", Name = "KokkaBot", Role = RoleTypes.Bot },
            Locale = activity.Locale ?? Locale,
            Timestamp = activity.Timestamp ?? DateTimeOffset.UtcNow,
        };
        _output?.WriteLine($"user> {incoming.Text ?? incoming.Type}");
        var replies = await _adapter.ProcessAsync(incoming, TestContext.Current.CancellationToken);
        foreach (var reply in replies)
            _output?.WriteLine($"bot > {Describe(reply)}");
        return replies;
    }

    /// <summary>The texts of the bot in a language, to compare replies with (never long literals in tests).</summary>
    public TextSet Texts(string language = "en") => _services.GetRequiredService<BotTexts>().For(language);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static string Describe(Activity activity)
    {
        var buttons = activity.SuggestedActions?.Actions.Select(a => a.Title) ?? [];
        var suffix = buttons.Any() ? $"  [{string.Join(" | ", buttons)}]" : "";
        var cards = activity.Attachments is { Count: > 0 } attachments
            ? $"[{string.Join(" | ", attachments.Select(a => a.ContentType?.Split('.').Last() + (activity.EntrySlugs() is { Count: > 0 } slugs ? " " + string.Join(",", slugs) : "")).Distinct())}] "
            : "";
        return cards + (activity.Type == ActivityTypes.Message ? activity.Text : activity.Type) + suffix;
    }

    private static ServiceProvider Build(TestDatabase? database, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var store = database ?? TestDatabase.New();
        services.AddPooledDbContextFactory<KokkaDbContext>(db => db.UseInMemoryDatabase(store.Name, store.Root));
        services.AddSingleton(new DatabaseWriteGate(serializeWrites: false));
        services.AddSingleton<IStorage, EfStorage>();
        services.AddBotRuntime();
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Keeps the dialog result of the last turn.</summary>
    private sealed class DialogResultRecorder
    {
        public DialogTurnResult? Last { get; set; }
    }

    private sealed class DialogBot(DialogRunner runner, DialogResultRecorder recorder) : IBot
    {
        public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) =>
            recorder.Last = await runner.RunAsync(turn, cancellationToken);
    }
}

/// <summary>An EF Core InMemory database that several test clients can share, as bots after a restart share their database.</summary>
public sealed record TestDatabase(string Name, InMemoryDatabaseRoot Root)
{
    public static TestDatabase New() => new(Guid.NewGuid().ToString("N"), new InMemoryDatabaseRoot());
}
