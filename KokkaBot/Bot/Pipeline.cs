using KokkaBot.Bot.Schema;

namespace KokkaBot.Bot;

/// <summary>The bot's own logic, run at the end of the middleware pipeline.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Code that wraps every turn (errors, state, language, transcripts…); call <c>next</c> to go on.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken);
}

public delegate Task BotCallback(TurnContext turn, CancellationToken cancellationToken);

/// <summary>
/// The one turn pipeline every channel adapter feeds: middleware in registration order, then the
/// bot (or, for proactive turns, the given callback).
/// </summary>
public sealed class BotPipeline(IEnumerable<IMiddleware> middleware, IBot bot)
{
    private readonly IMiddleware[] _middleware = middleware.ToArray();

    public Task RunAsync(TurnContext turn, CancellationToken cancellationToken) =>
        RunAsync(turn, bot.OnTurnAsync, cancellationToken);

    public Task RunAsync(TurnContext turn, BotCallback callback, CancellationToken cancellationToken) =>
        Next(0, turn, callback, cancellationToken);

    private Task Next(int index, TurnContext turn, BotCallback callback, CancellationToken cancellationToken) =>
        index < _middleware.Length
            ? _middleware[index].OnTurnAsync(turn, ct => Next(index + 1, turn, callback, ct), cancellationToken)
            : callback(turn, cancellationToken);
}

/// <summary>
/// A channel's entry into the pipeline: it turns what arrived into a <see cref="TurnContext"/>,
/// runs the turn with the conversation's lock held, and delivers what the bot sends.
/// </summary>
public abstract class BotAdapter(BotPipeline pipeline, ConversationLocks locks)
{
    /// <summary>Delivers activities the bot sent during a turn, in order, through this adapter's channel.</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(TurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Runs one turn for an incoming activity; turns of one conversation never overlap.</summary>
    protected async Task RunTurnAsync(TurnContext turn, BotCallback? callback, CancellationToken cancellationToken)
    {
        using var turnLock = await locks.AcquireAsync(ConversationLocks.KeyOf(turn.Activity), cancellationToken);
        if (callback is null)
            await pipeline.RunAsync(turn, cancellationToken);
        else
            await pipeline.RunAsync(turn, callback, cancellationToken);
    }

    /// <summary>
    /// Starts a proactive turn in an existing conversation (an advisor's message, a reminder):
    /// the callback sees a <see cref="TurnContext"/> whose activity is an event addressed from the user.
    /// </summary>
    public virtual Task ContinueConversationAsync(ConversationReference reference, BotCallback callback, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "ContinueConversation",
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale,
        };
        return RunTurnAsync(new TurnContext(this, activity), callback, cancellationToken);
    }
}
