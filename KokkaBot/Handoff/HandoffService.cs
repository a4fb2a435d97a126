using KokkaBot.Bot.Schema;
using Microsoft.Extensions.Options;

namespace KokkaBot.Handoff;

/// <summary>The handoff side's clock (its own seam, so that tests can put the queue on a Sunday without moving the rest of the host).</summary>
public sealed class HandoffClock(TimeProvider time)
{
    public TimeProvider Time => time;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTime UtcNow => Now.UtcDateTime;
}

/// <summary>
/// The bot's side of the queue (<see cref="IHandoffService"/>): routing, enqueueing with the bot's
/// transcript, forwarding what the user writes to the advisor at once, cancelling, tickets, ratings.
/// Called inside the user's turn (the conversation's lock is held), so it never starts a proactive
/// turn of its own; it only stores and tells the consoles.
/// </summary>
public sealed partial class HandoffService(
    HandoffStore store, TeamDirectory teams, AdvisorPresence presence, AdvisorConsoles consoles, HandoffClock clock,
    IOptions<HandoffOptions> options, ILogger<HandoffService> logger) : IHandoffService
{
    /// <summary>Ended handoffs the wait estimate is measured on, and how many it needs before it trusts them.</summary>
    private const int HandlingSample = 20;
    private const int HandlingMinimum = 5;
    private const int MaxLineLength = 4000;

    public TeamAvailability Availability(string language, string? town, string topic)
    {
        var team = teams.Route(language, town, topic);
        var now = clock.Now;
        var open = team.Hours.IsOpen(now);
        return new TeamAvailability(team.Id, team.Name, open, presence.OnlineFor(team) > 0, open ? null : team.Hours.NextOpening(now));
    }

    public async Task<QueuePlace> EnqueueAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var conversationId = request.Reference.Conversation.Id
            ?? throw new ArgumentException("The conversation reference has no conversation id.", nameof(request));
        var team = teams.Route(request.Language, request.Town, request.Topic);
        var now = clock.UtcNow;
        var handoff = new HandoffRecord
        {
            ConversationId = conversationId,
            ChannelId = request.Reference.ChannelId,
            ReferenceJson = HandoffDelivery.WriteReference(request.Reference),
            UserName = request.Reference.User?.Name,
            Language = request.Language,
            Town = request.Town,
            Role = request.Role,
            Topic = Clip(request.Topic, 128),
            Reason = Clip(request.Reason, 1000),
            Trigger = Clip(request.Trigger, 32),
            TeamId = team.Id,
            Status = HandoffStatus.Queued,
            CreatedAt = now,
            QueuedAt = now,
        };
        var lines = request.Transcript.Select(l => new HandoffLineRecord
        {
            From = KnownSender(l.From),
            Text = Clip(l.Text, MaxLineLength),
            At = l.At.UtcDateTime,
        }).ToList();

        var (stored, created) = await store.EnqueueAsync(handoff, lines, cancellationToken);
        var storedTeam = teams.FindOrDefault(stored.TeamId);
        if (stored.Status != HandoffStatus.Queued)
            return new QueuePlace(stored.Id, storedTeam.Id, storedTeam.Name, 0, TimeSpan.Zero);

        var position = await store.PositionAsync(stored, cancellationToken);
        var handling = await store.MeasuredHandlingTimeAsync(storedTeam.Id, HandlingSample, HandlingMinimum, cancellationToken)
            ?? options.Value.AverageHandlingTime;
        var wait = handling * position / Math.Max(1, presence.OnlineFor(storedTeam));
        if (created)
        {
            LogQueued(stored.Id, stored.ChannelId, conversationId, storedTeam.Id, request.Trigger, position);
            await consoles.QueueChangedAsync(cancellationToken);
        }
        return new QueuePlace(stored.Id, storedTeam.Id, storedTeam.Name, position, wait);
    }

    public async Task<HandoffStatus?> StatusAsync(string conversationId, CancellationToken cancellationToken) =>
        (await store.OpenForConversationAsync(conversationId, cancellationToken))?.Status;

    public async Task ForwardUserMessageAsync(string conversationId, Activity message, CancellationToken cancellationToken)
    {
        var open = await store.OpenForConversationAsync(conversationId, cancellationToken);
        if (open is null)
        {
            LogNothingToForward(conversationId);
            return;
        }
        var line = await store.AddLineAsync(new HandoffLineRecord
        {
            HandoffId = open.Id,
            From = TranscriptSender.User,
            Text = Clip(Describe(message), MaxLineLength),
            At = clock.UtcNow,
            ActivityId = message.Id,
        }, cancellationToken);
        if (line is null)
            return; // The same activity was forwarded before.
        await consoles.LineAsync(open.Id, HandoffViews.Line(line), null, cancellationToken);
        if (open.Status == HandoffStatus.Queued)
            await consoles.QueueChangedAsync(cancellationToken);
    }

    public async Task ForwardUserTypingAsync(string conversationId, CancellationToken cancellationToken)
    {
        var open = await store.OpenForConversationAsync(conversationId, cancellationToken);
        if (open is not null)
            await consoles.UserTypingAsync(open.Id, cancellationToken);
    }

    public async Task CancelAsync(string conversationId, CancellationToken cancellationToken)
    {
        var open = await store.OpenForConversationAsync(conversationId, cancellationToken);
        if (open is null || !await store.TryEndAsync(open.Id, null, HandoffEndReasons.UserCancelled, clock.UtcNow, cancellationToken))
            return;
        var line = await store.AddLineAsync(new HandoffLineRecord
        {
            HandoffId = open.Id,
            From = TranscriptSender.System,
            Text = open.Status == HandoffStatus.Queued ? "The user stopped waiting." : "The user ended the conversation.",
            At = clock.UtcNow,
        }, cancellationToken);
        LogEnded(open.Id, HandoffEndReasons.UserCancelled);
        await consoles.LineAsync(open.Id, HandoffViews.Line(line!), null, cancellationToken);
        await consoles.EndedAsync(open.Id, HandoffEndReasons.UserCancelled, null, cancellationToken);
        await consoles.QueueChangedAsync(cancellationToken);
    }

    public async Task<long> CreateTicketAsync(TicketRequest ticket, CancellationToken cancellationToken)
    {
        var team = teams.Route(ticket.Language, ticket.Town, ticket.Topic);
        var stored = await store.AddTicketAsync(new HandoffTicketRecord
        {
            ConversationId = ticket.Reference.Conversation.Id ?? "",
            ChannelId = ticket.Reference.ChannelId,
            ReferenceJson = HandoffDelivery.WriteReference(ticket.Reference),
            Language = ticket.Language,
            Town = ticket.Town,
            Topic = Clip(ticket.Topic, 128),
            Reason = Clip(ticket.Reason, 1000),
            TeamId = team.Id,
            Message = Clip(ticket.Message, 4000),
            Contact = string.IsNullOrWhiteSpace(ticket.Contact) ? null : Clip(ticket.Contact.Trim(), 256),
            Status = TicketStatus.Open,
            CreatedAt = clock.UtcNow,
        }, cancellationToken);
        LogTicket(stored.Id, team.Id, stored.Contact is not null);
        return stored.Id;
    }

    public async Task RateAsync(long handoffId, int stars, CancellationToken cancellationToken)
    {
        if (stars is < 1 or > 5)
            throw new ArgumentOutOfRangeException(nameof(stars), stars, "A rating is 1 to 5 stars.");
        await store.RateAsync(handoffId, stars, cancellationToken);
    }

    /// <summary>What the advisor sees of a user's activity: its text, else what it carried.</summary>
    internal static string Describe(Activity message)
    {
        if (!string.IsNullOrWhiteSpace(message.Text))
            return message.Text;
        if (message.Attachments is { Count: > 0 } attachments)
            return string.Join(", ", attachments.Select(a => $"[{a.Name ?? a.ContentType ?? "attachment"}]"));
        return message.Value is not null ? "[a card was submitted]" : "[empty message]";
    }

    private static string KnownSender(string from) =>
        from is TranscriptSender.User or TranscriptSender.Bot or TranscriptSender.Advisor or TranscriptSender.System ? from : TranscriptSender.Bot;

    internal static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {HandoffId} queued for team {TeamId} from {ChannelId}/{ConversationId} ({Trigger}), position {Position}")]
    private partial void LogQueued(long handoffId, string channelId, string conversationId, string teamId, string trigger, int position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message of {ConversationId} was to be forwarded, but the conversation has no open handoff")]
    private partial void LogNothingToForward(string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {HandoffId} ended: {Reason}")]
    private partial void LogEnded(long handoffId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} left for team {TeamId} (contact given: {WithContact})")]
    private partial void LogTicket(long ticketId, string teamId, bool withContact);
}

/// <summary>Why a handoff ended, as <c>HandoffEnded</c> and the stored EndReason say it.</summary>
public static class HandoffEndReasons
{
    public const string Advisor = "advisor";
    public const string UserCancelled = "user-cancelled";
}

/// <summary>
/// The bot's words at the turns of a handoff, said inside a proactive turn of the user's conversation.
/// <see cref="IHandoffNotifications"/> is resolved when needed, not injected: the bot side depends on
/// the handoff side, and this keeps the container free of a cycle.
/// </summary>
public sealed partial class UserNotifications(IServiceProvider services, HandoffDelivery delivery, ILogger<UserNotifications> logger)
{
    public Task<bool> AcceptedAsync(HandoffRecord handoff, string advisorName, CancellationToken cancellationToken) =>
        RunAsync(handoff, (n, turn, ct) => n.AcceptedAsync(turn, handoff.Id, advisorName, ct), cancellationToken);

    public Task<bool> NoAdvisorYetAsync(HandoffRecord handoff, CancellationToken cancellationToken) =>
        RunAsync(handoff, (n, turn, ct) => n.NoAdvisorYetAsync(turn, handoff.Id, ct), cancellationToken);

    public Task<bool> EndedAsync(HandoffRecord handoff, CancellationToken cancellationToken) =>
        RunAsync(handoff, (n, turn, ct) => n.EndedAsync(turn, handoff.Id, ct), cancellationToken);

    public Task<bool> RequeuedAsync(HandoffRecord handoff, string teamName, CancellationToken cancellationToken) =>
        RunAsync(handoff, (n, turn, ct) => n.RequeuedAsync(turn, handoff.Id, teamName, ct), cancellationToken);

    private async Task<bool> RunAsync(HandoffRecord handoff, Func<IHandoffNotifications, Bot.TurnContext, CancellationToken, Task> say, CancellationToken cancellationToken)
    {
        if (services.GetService<IHandoffNotifications>() is not { } notifications)
        {
            LogNoNotifications(handoff.Id);
            return false;
        }
        return await delivery.RunAsync(HandoffDelivery.ReadReference(handoff.ReferenceJson), (turn, ct) => say(notifications, turn, ct), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff {HandoffId}: no IHandoffNotifications is registered, so the user was not told")]
    private partial void LogNoNotifications(long handoffId);
}

/// <summary>Records as the console sees them (times in UTC with offset).</summary>
public static class HandoffViews
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    public static HandoffInfo Info(HandoffRecord h, AdvisorTeam team) => new(
        h.Id, h.ConversationId, h.ChannelId, h.UserName, h.Status.ToString(), team.Id, team.Name, h.Language, h.Town, h.Role, h.Topic,
        h.Reason, h.Trigger, h.AdvisorId, h.AdvisorName, Utc(h.CreatedAt), Utc(h.QueuedAt), Utc(h.AcceptedAt), Utc(h.EndedAt), h.EndReason, h.Rating);

    public static LineView Line(HandoffLineRecord l) => new(l.Id, l.HandoffId, l.From, l.Author, l.Text, Utc(l.At));

    public static NoteView Note(HandoffNoteRecord n) => new(n.Id, n.HandoffId, n.Author, n.Text, Utc(n.At));

    public static TicketView Ticket(HandoffTicketRecord t, AdvisorTeam team) => new(
        t.Id, t.ConversationId, t.ChannelId, team.Id, team.Name, t.Language, t.Town, t.Topic, t.Reason, t.Message, t.Contact,
        t.Status.ToString(), Utc(t.CreatedAt), Utc(t.ClosedAt), t.ClosedBy, t.Note);

    public static CannedReplyView Canned(CannedReplyRecord c) => new(c.Id, c.Language, c.Title, c.Text, c.EditedBy, Utc(c.EditedAt));
}
