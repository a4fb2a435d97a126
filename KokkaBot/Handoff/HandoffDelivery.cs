using System.Text.Json;
using KokkaBot.Bot;
using KokkaBot.Bot.Schema;
using KokkaBot.Channels.Connector;
using KokkaBot.Channels.DirectLine;

namespace KokkaBot.Handoff;

/// <summary>
/// Brings what the advisor side says into the student's own conversation: a proactive turn through
/// the adapter of the conversation's channel, addressed with the stored conversation reference.
/// Direct Line: appended to the conversation's persisted log and pushed to its WebSocket, so a
/// student who reconnects with a watermark gets what was sent while away. Every other channel
/// (Teams, Azure Bot Service's Web Chat, the Emulator): posted to the reference's serviceUrl.
/// The turn runs the middleware (state loaded and saved, turn lock held, so it never overlaps the
/// student's own turns) but not the bot: the callback is all that runs.
/// </summary>
public sealed partial class HandoffDelivery(IServiceProvider services, ILogger<HandoffDelivery> logger)
{
    /// <summary>The channelData key advisor messages carry: <c>{ "kokka": { "advisor": "display name" } }</c>.</summary>
    public const string ChannelDataKey = "kokka";

    public BotAdapter AdapterFor(string channelId) => channelId == DirectLineAdapter.ChannelId
        ? services.GetRequiredService<DirectLineAdapter>()
        : services.GetRequiredService<ConnectorAdapter>();

    /// <summary>Runs <paramref name="callback"/> in a proactive turn of the conversation; false (and logged) when it failed.</summary>
    public async Task<bool> RunAsync(ConversationReference reference, BotCallback callback, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await AdapterFor(reference.ChannelId).ContinueConversationAsync(reference, async (turn, ct) =>
            {
                // Caught here, not by the error middleware: the caller learns of it, and the user gets no apology for our delivery.
                try
                {
                    await callback(turn, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    failure = e;
                }
            }, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = e;
        }
        if (failure is null)
            return true;
        LogDeliveryFailed(failure, reference.ChannelId, reference.Conversation.Id);
        return false;
    }

    public Task<bool> SendAdvisorMessageAsync(ConversationReference reference, string advisorName, string text, CancellationToken cancellationToken) =>
        RunAsync(reference, (turn, ct) => turn.SendActivityAsync(AdvisorMessage(advisorName, text), ct), cancellationToken);

    public Task<bool> SendTypingAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        RunAsync(reference, (turn, ct) => turn.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, ct), cancellationToken);

    /// <summary>A message from the bot's account in the advisor's words, marked as the advisor's in channelData.</summary>
    public static Activity AdvisorMessage(string advisorName, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = TextFormats.Plain,
        ChannelData = JsonSerializer.SerializeToElement(
            new Dictionary<string, Dictionary<string, string>> { [ChannelDataKey] = new() { ["advisor"] = advisorName } }),
    };

    /// <summary>The advisor's name when the activity is an advisor's message (see <see cref="AdvisorMessage"/>), else null.</summary>
    public static string? AdvisorOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(ChannelDataKey, out var kokka) && kokka.ValueKind == JsonValueKind.Object
        && kokka.TryGetProperty("advisor", out var advisor) && advisor.ValueKind == JsonValueKind.String
            ? advisor.GetString()
            : null;

    public static ConversationReference ReadReference(string json) =>
        JsonSerializer.Deserialize(json, BotJsonContext.Default.ConversationReference)
        ?? throw new InvalidOperationException("A stored conversation reference is empty.");

    public static string WriteReference(ConversationReference reference) =>
        JsonSerializer.Serialize(reference, BotJsonContext.Default.ConversationReference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff delivery to {ChannelId}/{ConversationId} failed")]
    private partial void LogDeliveryFailed(Exception exception, string channelId, string? conversationId);
}
