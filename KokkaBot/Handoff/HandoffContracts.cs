using KokkaBot.Bot;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Handoff;

public enum HandoffStatus { Queued, Active, Ended }

/// <summary>Who wrote a line of a handed-off conversation.</summary>
public static class TranscriptSender
{
    public const string User = "user";
    public const string Bot = "bot";
    public const string Advisor = "advisor";
    public const string System = "system";
}

public sealed record TranscriptLine(string From, string Text, DateTimeOffset At);

/// <summary>What the bot knows when a user asks for a person.</summary>
/// <param name="Topic">general, or what the user was doing: a service path id, a knowledge category, "sensitive".</param>
/// <param name="Trigger">explicit, button, unanswered, frustration, sensitive.</param>
public sealed record HandoffRequest(
    ConversationReference Reference,
    string Language,
    string? Town,
    string? Role,
    string Topic,
    string Reason,
    string Trigger,
    IReadOnlyList<TranscriptLine> Transcript);

public sealed record QueuePlace(long HandoffId, string TeamId, string TeamName, int Position, TimeSpan EstimatedWait);

/// <summary>Whether a team can take a conversation now, and if not, when it opens.</summary>
public sealed record TeamAvailability(string TeamId, string TeamName, bool IsOpen, bool AdvisorsOnline, DateTimeOffset? NextOpening)
{
    public bool CanTakeNow => IsOpen && AdvisorsOnline;
}

/// <summary>A message left for advisors when nobody can answer live; contact details only with consent.</summary>
public sealed record TicketRequest(
    ConversationReference Reference, string Language, string? Town, string Topic, string Reason, string Message, string? Contact);

/// <summary>The bot's side of handoff: what the conversation asks of the advisors' queue.</summary>
public interface IHandoffService
{
    TeamAvailability Availability(string language, string? town, string topic);

    Task<QueuePlace> EnqueueAsync(HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>The conversation's handoff while queued or active; null when the bot is in charge.</summary>
    Task<HandoffStatus?> StatusAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>A message the user wrote while handed off: stored and shown to the advisor at once.</summary>
    Task ForwardUserMessageAsync(string conversationId, Activity message, CancellationToken cancellationToken);

    Task ForwardUserTypingAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The user stops waiting (or types "cancel"): the request leaves the queue.</summary>
    Task CancelAsync(string conversationId, CancellationToken cancellationToken);

    Task<long> CreateTicketAsync(TicketRequest ticket, CancellationToken cancellationToken);

    Task RateAsync(long handoffId, int stars, CancellationToken cancellationToken);
}

/// <summary>
/// What the bot says when the handoff side changes a conversation. Called inside a proactive turn
/// (<see cref="BotAdapter.ContinueConversationAsync"/>), so conversation and user state are loaded.
/// </summary>
public interface IHandoffNotifications
{
    Task AcceptedAsync(TurnContext turn, long handoffId, string advisorName, CancellationToken cancellationToken);

    /// <summary>Nobody has answered within Handoff:NoAnswerNotice: tell the user, offer to leave a message.</summary>
    Task NoAdvisorYetAsync(TurnContext turn, long handoffId, CancellationToken cancellationToken);

    /// <summary>The advisor ended (or an external hub completed) the handoff: the bot takes over and asks for a rating.</summary>
    Task EndedAsync(TurnContext turn, long handoffId, CancellationToken cancellationToken);

    /// <summary>
    /// The advisor passed the conversation to another team's queue: the user waits again. Optional
    /// (added with the queue; the default says nothing and leaves the bot's state as it is).
    /// </summary>
    Task RequeuedAsync(TurnContext turn, long handoffId, string teamName, CancellationToken cancellationToken) => Task.CompletedTask;
}
