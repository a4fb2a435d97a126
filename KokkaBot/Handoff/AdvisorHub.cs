using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace KokkaBot.Handoff;

/*
 * The advisor console's contract: SignalR hub at /hubs/advisor, JSON protocol (camelCase names,
 * times as ISO-8601 strings with offset, enums as strings). Signed-in staff with role Advisor or
 * Admin only (the staff cookie "kokka.staff"); anyone else gets 401/403 on negotiate.
 * An advisor limited to towns (the kokka:towns claim) sees and handles only the teams whose towns
 * overlap theirs; unrestricted advisors see every team. An advisor counts as online while connected.
 *
 * Client → server (invoke):
 *   GetQueue()                                   → QueueItem[]            the queued requests this advisor may take, oldest first
 *   Accept(long handoffId)                       → AcceptResult           { accepted, reason?, conversation?, takenBy? }
 *                                                                         reason: "taken" (takenBy = who has it) | "ended" | "not-found" | "out-of-scope"
 *   GetConversation(long handoffId)              → ConversationView?      null: not found or out of scope. Watching starts: Message/UserTyping
 *                                                                         for it arrive while it is queued or yours
 *   GetMine()                                    → ConversationView[]     this advisor's active handoffs (call after every (re)connect)
 *   Send(long handoffId, string text)            → SendResult             { sent, reason?, line? } reason: "not-yours" | "not-active" | "empty" | "too-long" | "delivery-failed"
 *                                                                         (delivery-failed: stored in the transcript, but the channel refused it)
 *   Typing(long handoffId)                       → void                   shows "typing…" to the student; call at most every 3 s while typing
 *   AddNote(long handoffId, string text)         → NoteView?              null: not found, out of scope, empty or too long
 *   Transfer(long handoffId, string? toAdvisorEmail, string? toTeamId)
 *                                                → TransferResult         { transferred, reason?, to? }  exactly one target.
 *                                                                         To an advisor: stays active, they get Assigned. To a team: queued again there.
 *                                                                         reason: "not-yours" | "not-active" | "no-target" | "unknown-advisor" | "offline" | "unknown-team" | "same"
 *   End(long handoffId)                          → EndResult              { ended, reason? } reason: "not-yours" | "not-active"
 *   GetTransferTargets()                         → TransferTargets        { teams: TeamView[], advisors: AdvisorView[] (online now) }
 *   GetCannedReplies(string? language)           → CannedReplyView[]      null: every language
 *   SaveCannedReply(CannedReplyInput reply)      → CannedReplySaveResult  { saved, reason?, reply? } id null = new. reason: "invalid" | "not-found"
 *   DeleteCannedReply(long id)                   → bool
 *   GetTickets(bool includeClosed)               → TicketView[]           newest first, this advisor's teams only
 *   CloseTicket(long id, string? note)           → TicketView?            null: not found or out of scope
 *
 * Server → client (on):
 *   QueueChanged(QueueItem[] items)              the whole queue this advisor may take, whenever it changes (also sent on connect)
 *   Message(long handoffId, LineView line)       a new transcript line of a watched handoff: the student's, another advisor
 *                                                tab's, or a system line. Your own Send result is not echoed to the calling connection.
 *   UserTyping(long handoffId)                   the student is typing
 *   HandoffTaken(long handoffId, string advisorName)   someone (possibly you in another tab, or by transfer) has it now: stop showing it as yours/queued
 *   HandoffEnded(long handoffId, string reason)  reason: "advisor" (ended by an advisor) | "user-cancelled"
 *   Assigned(ConversationView conversation)      a handoff became yours by transfer
 *
 * Records (fields in order):
 *   QueueItem(handoffId, teamId, teamName, position, language, town?, role?, topic, reason, trigger, userName?, queuedAt, createdAt, preview?, noAnswerNoticeSent)
 *   HandoffInfo(id, conversationId, channelId, userName?, status "Queued"|"Active"|"Ended", teamId, teamName, language, town?, role?, topic, reason,
 *               trigger, advisorId?, advisorName?, createdAt, queuedAt, acceptedAt?, endedAt?, endReason?, rating?)
 *   LineView(id, handoffId, from "user"|"bot"|"advisor"|"system", author?, text, at)     author: the advisor's display name on advisor lines
 *   NoteView(id, handoffId, author, text, at)
 *   ConversationView(handoff: HandoffInfo, lines: LineView[], notes: NoteView[])
 *   TeamView(id, name, organisation, towns[], languages[], topics[], isOpen, advisorsOnline, nextOpening?)
 *   AdvisorView(email, displayName, towns[]?)
 *   CannedReplyInput(id?, language, title, text)
 *   CannedReplyView(id, language, title, text, editedBy, editedAt)
 *   TicketView(id, conversationId, channelId, teamId, teamName, language, town?, topic, reason, message, contact?, status "Open"|"Closed",
 *              createdAt, closedAt?, closedBy?, note?)
 */

/// <summary>The calls the server makes on advisor consoles (see the contract at the top of this file).</summary>
public interface IAdvisorClient
{
    Task QueueChanged(IReadOnlyList<QueueItem> items);

    Task Message(long handoffId, LineView line);

    Task UserTyping(long handoffId);

    Task HandoffTaken(long handoffId, string advisorName);

    Task HandoffEnded(long handoffId, string reason);

    Task Assigned(ConversationView conversation);
}

public sealed record QueueItem(
    long HandoffId, string TeamId, string TeamName, int Position, string Language, string? Town, string? Role, string Topic,
    string Reason, string Trigger, string? UserName, DateTimeOffset QueuedAt, DateTimeOffset CreatedAt, string? Preview, bool NoAnswerNoticeSent);

public sealed record HandoffInfo(
    long Id, string ConversationId, string ChannelId, string? UserName, string Status, string TeamId, string TeamName,
    string Language, string? Town, string? Role, string Topic, string Reason, string Trigger, string? AdvisorId, string? AdvisorName,
    DateTimeOffset CreatedAt, DateTimeOffset QueuedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? EndedAt, string? EndReason, int? Rating);

public sealed record LineView(long Id, long HandoffId, string From, string? Author, string Text, DateTimeOffset At);

public sealed record NoteView(long Id, long HandoffId, string Author, string Text, DateTimeOffset At);

public sealed record ConversationView(HandoffInfo Handoff, IReadOnlyList<LineView> Lines, IReadOnlyList<NoteView> Notes);

public sealed record AcceptResult(bool Accepted, string? Reason, ConversationView? Conversation, string? TakenBy = null);

public sealed record SendResult(bool Sent, string? Reason, LineView? Line);

public sealed record TransferResult(bool Transferred, string? Reason, string? To);

public sealed record EndResult(bool Ended, string? Reason);

public sealed record TeamView(
    string Id, string Name, string Organisation, IReadOnlyList<string> Towns, IReadOnlyList<string> Languages, IReadOnlyList<string> Topics,
    bool IsOpen, bool AdvisorsOnline, DateTimeOffset? NextOpening);

public sealed record AdvisorView(string Email, string DisplayName, IReadOnlyList<string>? Towns);

public sealed record TransferTargets(IReadOnlyList<TeamView> Teams, IReadOnlyList<AdvisorView> Advisors);

public sealed record CannedReplyInput(long? Id, string Language, string Title, string Text);

public sealed record CannedReplyView(long Id, string Language, string Title, string Text, string EditedBy, DateTimeOffset EditedAt);

public sealed record CannedReplySaveResult(bool Saved, string? Reason, CannedReplyView? Reply);

public sealed record TicketView(
    long Id, string ConversationId, string ChannelId, string TeamId, string TeamName, string Language, string? Town, string Topic,
    string Reason, string Message, string? Contact, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? ClosedBy, string? Note);

/// <summary>
/// The advisors' live channel. Thin: who the caller is comes from the connection, everything else
/// is <see cref="AdvisorDesk"/>'s, so that the same rules hold for tests and for other front ends.
/// </summary>
[Authorize(Policy = StaffPolicies.Advise)]
public sealed class AdvisorHub(AdvisorDesk desk, AdvisorPresence presence) : Hub<IAdvisorClient>
{
    public const string Path = "/hubs/advisor";

    public override async Task OnConnectedAsync()
    {
        await desk.ConnectAsync(Context.ConnectionId, Context.User!, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnect(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    public Task<IReadOnlyList<QueueItem>> GetQueue() => desk.QueueAsync(Me, Context.ConnectionAborted);

    public Task<AcceptResult> Accept(long handoffId) => desk.AcceptAsync(Me, Context.ConnectionId, handoffId, Context.ConnectionAborted);

    public Task<ConversationView?> GetConversation(long handoffId) => desk.ConversationAsync(Me, Context.ConnectionId, handoffId, Context.ConnectionAborted);

    public Task<IReadOnlyList<ConversationView>> GetMine() => desk.MineAsync(Me, Context.ConnectionId, Context.ConnectionAborted);

    public Task<SendResult> Send(long handoffId, string text) => desk.SendAsync(Me, Context.ConnectionId, handoffId, text, Context.ConnectionAborted);

    public Task Typing(long handoffId) => desk.TypingAsync(Me, handoffId, Context.ConnectionAborted);

    public Task<NoteView?> AddNote(long handoffId, string text) => desk.AddNoteAsync(Me, handoffId, text, Context.ConnectionAborted);

    public Task<TransferResult> Transfer(long handoffId, string? toAdvisorEmail, string? toTeamId) =>
        desk.TransferAsync(Me, Context.ConnectionId, handoffId, toAdvisorEmail, toTeamId, Context.ConnectionAborted);

    public Task<EndResult> End(long handoffId) => desk.EndAsync(Me, Context.ConnectionId, handoffId, Context.ConnectionAborted);

    public TransferTargets GetTransferTargets() => desk.TransferTargets();

    public Task<IReadOnlyList<CannedReplyView>> GetCannedReplies(string? language) => desk.CannedRepliesAsync(language, Context.ConnectionAborted);

    public Task<CannedReplySaveResult> SaveCannedReply(CannedReplyInput reply) => desk.SaveCannedReplyAsync(Me, reply, Context.ConnectionAborted);

    public Task<bool> DeleteCannedReply(long id) => desk.DeleteCannedReplyAsync(id, Context.ConnectionAborted);

    public Task<IReadOnlyList<TicketView>> GetTickets(bool includeClosed) => desk.TicketsAsync(Me, includeClosed, Context.ConnectionAborted);

    public Task<TicketView?> CloseTicket(long id, string? note) => desk.CloseTicketAsync(Me, id, note, Context.ConnectionAborted);

    private AdvisorIdentity Me => presence.Identity(Context.ConnectionId)
        ?? throw new HubException("This connection is not registered; reconnect.");
}
