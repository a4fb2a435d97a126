using KokkaBot.Bot.Schema;

using IMiddleware = KokkaBot.Bot.IMiddleware;

namespace KokkaBot.Bot;

/// <summary>What the user is told when a turn fails.</summary>
public delegate Activity TurnErrorReply(TurnContext turn, Exception exception);

/// <summary>
/// The outermost middleware: a failing turn is logged and the user gets a polite apology instead of
/// silence. State is not saved for a failed turn (the state middleware runs inside this one), so the
/// conversation stays where it was before the turn.
/// </summary>
public sealed partial class TurnErrorMiddleware(TurnErrorReply reply, ILogger<TurnErrorMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        try
        {
            await next(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(e, turn.Activity.Type, turn.Activity.ChannelId, turn.Activity.Conversation?.Id);
            try
            {
                await turn.SendActivityAsync(reply(turn, e), cancellationToken);
            }
            catch (Exception sendFailure) when (!cancellationToken.IsCancellationRequested)
            {
                LogApologyFailed(sendFailure, turn.Activity.ChannelId, turn.Activity.Conversation?.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed: {ActivityType} in {ChannelId}/{ConversationId}")]
    private partial void LogTurnFailed(Exception exception, string? activityType, string? channelId, string? conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the apology to {ChannelId}/{ConversationId}")]
    private partial void LogApologyFailed(Exception exception, string? channelId, string? conversationId);
}
