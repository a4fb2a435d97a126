using KokkaBot.Bot;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Tests.Support;

/// <summary>An in-memory channel: runs turns through the real pipeline and keeps what the bot sent.</summary>
public sealed class TestAdapter(BotPipeline pipeline, ConversationLocks locks) : BotAdapter(pipeline, locks)
{
    private readonly List<Activity> _sent = [];
    private int _nextId;

    public IReadOnlyList<Activity> Sent
    {
        get { lock (_sent) return _sent.ToArray(); }
    }

    /// <summary>Runs one turn and returns what the bot sent during it.</summary>
    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var turn = new TurnContext(this, activity);
        var replies = new List<Activity>();
        turn.OnSendActivities(async (_, activities, next) =>
        {
            lock (replies)
                replies.AddRange(activities);
            return await next();
        });
        await RunTurnAsync(turn, null, cancellationToken);
        return replies;
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(TurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.AddRange(activities);
            return Task.FromResult(activities.Select(_ => new ResourceResponse($"test-{++_nextId}")).ToArray());
        }
    }
}
