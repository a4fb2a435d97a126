using System.Security.Claims;
using KokkaBot.Knowledge.Model;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KokkaBot.Handoff;

/// <summary>
/// What advisors do with the queue: take a request (exactly one of several advisors gets it), talk,
/// note, pass on, end; canned replies and tickets. Every rule of the console lives here; the hub
/// only says who is asking.
/// </summary>
public sealed partial class AdvisorDesk(
    HandoffStore store, TeamDirectory teams, AdvisorPresence presence, AdvisorConsoles consoles, HandoffDelivery delivery,
    UserNotifications notifications, HandoffClock clock, IServiceScopeFactory scopes, IOptions<HandoffOptions> options, ILogger<AdvisorDesk> logger)
{
    public static class Reasons
    {
        public const string NotFound = "not-found";
        public const string OutOfScope = "out-of-scope";
        public const string Taken = "taken";
        public const string Ended = "ended";
        public const string NotYours = "not-yours";
        public const string NotActive = "not-active";
        public const string Empty = "empty";
        public const string TooLong = "too-long";
        public const string DeliveryFailed = "delivery-failed";
        public const string NoTarget = "no-target";
        public const string UnknownAdvisor = "unknown-advisor";
        public const string Offline = "offline";
        public const string UnknownTeam = "unknown-team";
        public const string Same = "same";
        public const string Invalid = "invalid";
    }

    /// <summary>Registers the connection as an online advisor and sends it the queue it may see.</summary>
    public async Task ConnectAsync(string connectionId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in advisor without a user id.");
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? userId;
        var towns = user.FindFirstValue(StaffSetup.TownsClaim) is { Length: > 0 } limit
            ? limit.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        string displayName;
        using (var scope = scopes.CreateScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(userId);
            displayName = string.IsNullOrWhiteSpace(account?.DisplayName) ? email : account.DisplayName;
        }
        var advisor = new AdvisorIdentity(userId, email, displayName, towns, user.IsInRole(StaffRoles.Admin));
        presence.Connect(connectionId, advisor);
        LogConnected(email, connectionId);
        await consoles.QueueToAsync(connectionId, consoles.VisibleTo(await consoles.QueueAsync(cancellationToken), advisor));
    }

    public async Task<IReadOnlyList<QueueItem>> QueueAsync(AdvisorIdentity me, CancellationToken cancellationToken) =>
        consoles.VisibleTo(await consoles.QueueAsync(cancellationToken), me);

    public async Task<AcceptResult> AcceptAsync(AdvisorIdentity me, string connectionId, long handoffId, CancellationToken cancellationToken)
    {
        var handoff = await store.FindAsync(handoffId, cancellationToken);
        if (handoff is null)
            return new AcceptResult(false, Reasons.NotFound, null);
        if (!teams.FindOrDefault(handoff.TeamId).IsSeenBy(me.Towns))
            return new AcceptResult(false, Reasons.OutOfScope, null);
        if (handoff.Status == HandoffStatus.Active && handoff.AdvisorId == me.UserId)
            return new AcceptResult(true, null, await WatchAsync(handoffId, presence.ConnectionsOf(me.UserId), cancellationToken));

        var now = clock.UtcNow;
        if (handoff.Status != HandoffStatus.Queued || !await store.TryAcceptAsync(handoffId, me.UserId, me.DisplayName, now, cancellationToken))
        {
            var current = await store.FindAsync(handoffId, cancellationToken);
            return current?.Status == HandoffStatus.Active
                ? new AcceptResult(false, Reasons.Taken, null, current.AdvisorName)
                : new AcceptResult(false, Reasons.Ended, null);
        }

        LogAccepted(handoffId, me.Email);
        await AddSystemLineAsync(handoffId, $"{me.DisplayName} took the conversation.", cancellationToken);
        // Whoever previewed it while queued stops getting its lines; the accepting advisor's tabs start.
        presence.Unwatch(handoffId);
        await consoles.TakenAsync(handoffId, me.DisplayName, connectionId, cancellationToken);
        await consoles.QueueChangedAsync(cancellationToken);
        var accepted = (await store.FindAsync(handoffId, cancellationToken))!;
        await notifications.AcceptedAsync(accepted, me.DisplayName, cancellationToken);
        return new AcceptResult(true, null, await WatchAsync(handoffId, presence.ConnectionsOf(me.UserId), cancellationToken));
    }

    /// <summary>The conversation with its transcript and notes; watching starts when it is queued or the caller's own.</summary>
    public async Task<ConversationView?> ConversationAsync(AdvisorIdentity me, string connectionId, long handoffId, CancellationToken cancellationToken)
    {
        var handoff = await store.FindAsync(handoffId, cancellationToken);
        if (handoff is null || !teams.FindOrDefault(handoff.TeamId).IsSeenBy(me.Towns))
            return null;
        if (handoff.Status == HandoffStatus.Queued || (handoff.Status == HandoffStatus.Active && handoff.AdvisorId == me.UserId))
            presence.Watch(handoffId, [connectionId]);
        return await ViewAsync(handoff, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationView>> MineAsync(AdvisorIdentity me, string connectionId, CancellationToken cancellationToken)
    {
        var views = new List<ConversationView>();
        foreach (var handoff in await store.ActiveOfAsync(me.UserId, cancellationToken))
        {
            presence.Watch(handoff.Id, [connectionId]);
            views.Add(await ViewAsync(handoff, cancellationToken));
        }
        return views;
    }

    public async Task<SendResult> SendAsync(AdvisorIdentity me, string connectionId, long handoffId, string text, CancellationToken cancellationToken)
    {
        if (Invalid(text) is { } invalid)
            return new SendResult(false, invalid, null);
        var handoff = await store.FindAsync(handoffId, cancellationToken);
        if (Mine(handoff, me) is { } notMine)
            return new SendResult(false, notMine, null);

        text = text.Trim();
        var line = (await store.AddLineAsync(new HandoffLineRecord
        {
            HandoffId = handoffId,
            From = TranscriptSender.Advisor,
            Author = me.DisplayName,
            Text = text,
            At = clock.UtcNow,
        }, cancellationToken))!;
        var view = HandoffViews.Line(line);
        await consoles.LineAsync(handoffId, view, connectionId, cancellationToken);
        var delivered = await delivery.SendAdvisorMessageAsync(HandoffDelivery.ReadReference(handoff!.ReferenceJson), me.DisplayName, text, cancellationToken);
        return new SendResult(delivered, delivered ? null : Reasons.DeliveryFailed, view);
    }

    public async Task TypingAsync(AdvisorIdentity me, long handoffId, CancellationToken cancellationToken)
    {
        var handoff = await store.FindAsync(handoffId, cancellationToken);
        if (Mine(handoff, me) is null)
            await delivery.SendTypingAsync(HandoffDelivery.ReadReference(handoff!.ReferenceJson), cancellationToken);
    }

    public async Task<NoteView?> AddNoteAsync(AdvisorIdentity me, long handoffId, string text, CancellationToken cancellationToken)
    {
        if (Invalid(text) is not null)
            return null;
        var handoff = await store.FindAsync(handoffId, cancellationToken);
        if (handoff is null || !teams.FindOrDefault(handoff.TeamId).IsSeenBy(me.Towns))
            return null;
        var note = await store.AddNoteAsync(new HandoffNoteRecord
        {
            HandoffId = handoffId,
            AuthorId = me.UserId,
            Author = me.DisplayName,
            Text = text.Trim(),
            At = clock.UtcNow,
        }, cancellationToken);
        return HandoffViews.Note(note);
    }

    public async Task<TransferResult> TransferAsync(
        AdvisorIdentity me, string connectionId, long handoffId, string? toAdvisorEmail, string? toTeamId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(toAdvisorEmail) == string.IsNullOrWhiteSpace(toTeamId))
            return new TransferResult(false, Reasons.NoTarget, null);
        var handoff = await store.FindAsync(handoffId, cancellationToken);
        if (Mine(handoff, me) is { } notMine)
            return new TransferResult(false, notMine, null);
        var myConnections = presence.ConnectionsOf(me.UserId);

        if (!string.IsNullOrWhiteSpace(toTeamId))
        {
            var team = teams.Find(toTeamId.Trim());
            if (team is null)
                return new TransferResult(false, Reasons.UnknownTeam, null);
            if (!await store.TryTransferToTeamAsync(handoffId, me.UserId, team.Id, clock.UtcNow, cancellationToken))
                return new TransferResult(false, Reasons.NotActive, null);
            LogTransferred(handoffId, me.Email, team.Id);
            await AddSystemLineAsync(handoffId, $"{me.DisplayName} passed the conversation to the queue of {team.Name}.", cancellationToken);
            presence.Unwatch(handoffId, myConnections);
            await consoles.TakenAsync(handoffId, team.Name, connectionId, cancellationToken);
            await consoles.QueueChangedAsync(cancellationToken);
            await notifications.RequeuedAsync(handoff!, team.Name, cancellationToken);
            return new TransferResult(true, null, team.Name);
        }

        AdvisorIdentity? target;
        using (var scope = scopes.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var account = await users.FindByEmailAsync(toAdvisorEmail!.Trim());
            if (account is null || !((await users.GetRolesAsync(account)).Any(r => r is StaffRoles.Advisor or StaffRoles.Admin)))
                return new TransferResult(false, Reasons.UnknownAdvisor, null);
            if (account.Id == me.UserId)
                return new TransferResult(false, Reasons.Same, null);
            target = presence.Advisors().FirstOrDefault(a => a.UserId == account.Id);
        }
        if (target is null)
            return new TransferResult(false, Reasons.Offline, null);
        if (!await store.TryTransferToAdvisorAsync(handoffId, me.UserId, target.UserId, target.DisplayName, cancellationToken))
            return new TransferResult(false, Reasons.NotActive, null);
        LogTransferred(handoffId, me.Email, target.Email);
        await AddSystemLineAsync(handoffId, $"{me.DisplayName} passed the conversation to {target.DisplayName}.", cancellationToken);
        presence.Unwatch(handoffId, myConnections);
        await consoles.TakenAsync(handoffId, target.DisplayName, connectionId, cancellationToken);
        var transferred = (await store.FindAsync(handoffId, cancellationToken))!;
        var targetConnections = presence.ConnectionsOf(target.UserId);
        var view = await WatchAsync(handoffId, targetConnections, cancellationToken);
        await consoles.AssignedAsync(targetConnections, view, cancellationToken);
        await notifications.AcceptedAsync(transferred, target.DisplayName, cancellationToken);
        return new TransferResult(true, null, target.DisplayName);
    }

    public async Task<EndResult> EndAsync(AdvisorIdentity me, string connectionId, long handoffId, CancellationToken cancellationToken)
    {
        var handoff = await store.FindAsync(handoffId, cancellationToken);
        if (Mine(handoff, me) is { } notMine)
            return new EndResult(false, notMine);
        if (!await store.TryEndAsync(handoffId, me.UserId, HandoffEndReasons.Advisor, clock.UtcNow, cancellationToken))
            return new EndResult(false, Reasons.NotActive);
        LogEnded(handoffId, me.Email);
        var line = await AddSystemLineAsync(handoffId, $"{me.DisplayName} ended the conversation; the bot takes over.", cancellationToken);
        await consoles.LineAsync(handoffId, line, connectionId, cancellationToken);
        await consoles.EndedAsync(handoffId, HandoffEndReasons.Advisor, connectionId, cancellationToken);
        await notifications.EndedAsync(handoff!, cancellationToken);
        return new EndResult(true, null);
    }

    public TransferTargets TransferTargets()
    {
        var now = clock.Now;
        return new TransferTargets(
            teams.All.Select(t =>
            {
                var open = t.Hours.IsOpen(now);
                return new TeamView(t.Id, t.Name, t.Organisation, t.Towns, t.Languages, t.Topics, open, presence.OnlineFor(t) > 0, open ? null : t.Hours.NextOpening(now));
            }).ToList(),
            presence.Advisors().Select(a => new AdvisorView(a.Email, a.DisplayName, a.Towns)).OrderBy(a => a.DisplayName, StringComparer.CurrentCulture).ToList());
    }

    public async Task<IReadOnlyList<CannedReplyView>> CannedRepliesAsync(string? language, CancellationToken cancellationToken) =>
        (await store.CannedRepliesAsync(string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant(), cancellationToken))
            .Select(HandoffViews.Canned).ToList();

    public async Task<CannedReplySaveResult> SaveCannedReplyAsync(AdvisorIdentity me, CannedReplyInput input, CancellationToken cancellationToken)
    {
        var language = input.Language?.Trim().ToLowerInvariant();
        var title = input.Title?.Trim();
        var text = input.Text?.Trim();
        if (!Vocabulary.IsLanguage(language) || string.IsNullOrEmpty(title) || title.Length > 200 || string.IsNullOrEmpty(text) || text.Length > options.Value.MaxTextLength)
            return new CannedReplySaveResult(false, Reasons.Invalid, null);
        var saved = await store.SaveCannedReplyAsync(new CannedReplyRecord
        {
            Id = input.Id ?? 0,
            Language = language!,
            Title = title,
            Text = text,
            EditedBy = me.DisplayName,
            EditedAt = clock.UtcNow,
        }, cancellationToken);
        return saved is null ? new CannedReplySaveResult(false, Reasons.NotFound, null) : new CannedReplySaveResult(true, null, HandoffViews.Canned(saved));
    }

    public Task<bool> DeleteCannedReplyAsync(long id, CancellationToken cancellationToken) => store.DeleteCannedReplyAsync(id, cancellationToken);

    public async Task<IReadOnlyList<TicketView>> TicketsAsync(AdvisorIdentity me, bool includeClosed, CancellationToken cancellationToken) =>
        (await store.TicketsAsync(includeClosed, cancellationToken))
            .Select(t => (Ticket: t, Team: teams.FindOrDefault(t.TeamId)))
            .Where(t => t.Team.IsSeenBy(me.Towns))
            .Select(t => HandoffViews.Ticket(t.Ticket, t.Team))
            .ToList();

    public async Task<TicketView?> CloseTicketAsync(AdvisorIdentity me, long id, string? note, CancellationToken cancellationToken)
    {
        var ticket = await store.FindTicketAsync(id, cancellationToken);
        if (ticket is null || !teams.FindOrDefault(ticket.TeamId).IsSeenBy(me.Towns))
            return null;
        note = string.IsNullOrWhiteSpace(note) ? null : HandoffService.Clip(note.Trim(), options.Value.MaxTextLength);
        var closed = await store.CloseTicketAsync(id, me.DisplayName, note, clock.UtcNow, cancellationToken);
        return closed is null ? null : HandoffViews.Ticket(closed, teams.FindOrDefault(closed.TeamId));
    }

    private string? Invalid(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Reasons.Empty : text.Trim().Length > options.Value.MaxTextLength ? Reasons.TooLong : null;

    /// <summary>Null when the handoff is active with this advisor, else why not.</summary>
    private static string? Mine(HandoffRecord? handoff, AdvisorIdentity me) => handoff switch
    {
        null => Reasons.NotYours,
        { Status: not HandoffStatus.Active } => Reasons.NotActive,
        { AdvisorId: var id } when id != me.UserId => Reasons.NotYours,
        _ => null,
    };

    private async Task<ConversationView> WatchAsync(long handoffId, IReadOnlyList<string> connectionIds, CancellationToken cancellationToken)
    {
        presence.Watch(handoffId, connectionIds);
        return await ViewAsync((await store.FindAsync(handoffId, cancellationToken))!, cancellationToken);
    }

    private async Task<ConversationView> ViewAsync(HandoffRecord handoff, CancellationToken cancellationToken) => new(
        HandoffViews.Info(handoff, teams.FindOrDefault(handoff.TeamId)),
        (await store.LinesAsync(handoff.Id, cancellationToken)).Select(HandoffViews.Line).ToList(),
        (await store.NotesAsync(handoff.Id, cancellationToken)).Select(HandoffViews.Note).ToList());

    private async Task<LineView> AddSystemLineAsync(long handoffId, string text, CancellationToken cancellationToken)
    {
        var line = await store.AddLineAsync(new HandoffLineRecord
        {
            HandoffId = handoffId,
            From = TranscriptSender.System,
            Text = text,
            At = clock.UtcNow,
        }, cancellationToken);
        return HandoffViews.Line(line!);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Advisor {Email} connected ({ConnectionId})")]
    private partial void LogConnected(string email, string connectionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {HandoffId} accepted by {Email}")]
    private partial void LogAccepted(long handoffId, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {HandoffId} passed on by {Email} to {Target}")]
    private partial void LogTransferred(long handoffId, string email, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {HandoffId} ended by {Email}")]
    private partial void LogEnded(long handoffId, string email);
}
