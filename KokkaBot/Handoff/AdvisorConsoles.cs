using Microsoft.AspNetCore.SignalR;

namespace KokkaBot.Handoff;

/// <summary>Pushes to the connected advisor consoles: the queue each may see, and the live lines of the handoffs they watch.</summary>
public sealed class AdvisorConsoles(IHubContext<AdvisorHub, IAdvisorClient> hub, AdvisorPresence presence, HandoffStore store, TeamDirectory teams)
{
    /// <summary>The whole queue, oldest first, with each request's place in its team's queue.</summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(CancellationToken cancellationToken)
    {
        var queued = await store.QueuedAsync(cancellationToken);
        var previews = await store.LastUserLinesAsync(queued.Select(h => h.Id).ToList(), cancellationToken);
        var places = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var items = new List<QueueItem>(queued.Count);
        foreach (var h in queued)
        {
            var team = teams.FindOrDefault(h.TeamId);
            var position = places[team.Id] = places.GetValueOrDefault(team.Id) + 1;
            items.Add(new QueueItem(
                h.Id, team.Id, team.Name, position, h.Language, h.Town, h.Role, h.Topic, h.Reason, h.Trigger, h.UserName,
                HandoffViews.Utc(h.QueuedAt), HandoffViews.Utc(h.CreatedAt),
                previews.TryGetValue(h.Id, out var preview) ? HandoffService.Clip(preview, 200) : null, h.NoAnswerNoticeSent));
        }
        return items;
    }

    public IReadOnlyList<QueueItem> VisibleTo(IReadOnlyList<QueueItem> queue, AdvisorIdentity advisor) =>
        queue.Where(i => teams.FindOrDefault(i.TeamId).IsSeenBy(advisor.Towns)).ToList();

    public async Task QueueChangedAsync(CancellationToken cancellationToken)
    {
        var connections = presence.Connections();
        if (connections.Count == 0)
            return;
        var queue = await QueueAsync(cancellationToken);
        foreach (var (connectionId, advisor) in connections)
            await hub.Clients.Client(connectionId).QueueChanged(VisibleTo(queue, advisor));
    }

    public Task QueueToAsync(string connectionId, IReadOnlyList<QueueItem> items) => hub.Clients.Client(connectionId).QueueChanged(items);

    /// <summary>A new line to everyone watching the handoff (but the connection that wrote it).</summary>
    public Task LineAsync(long handoffId, LineView line, string? exceptConnection, CancellationToken cancellationToken)
    {
        var watchers = Except(presence.Watchers(handoffId), exceptConnection);
        return watchers.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(watchers).Message(handoffId, line);
    }

    public Task UserTypingAsync(long handoffId, CancellationToken cancellationToken)
    {
        var watchers = presence.Watchers(handoffId);
        return watchers.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(watchers).UserTyping(handoffId);
    }

    /// <summary>Tells the watchers (but one) that the handoff ended, and stops their watching.</summary>
    public Task EndedAsync(long handoffId, string reason, string? exceptConnection, CancellationToken cancellationToken)
    {
        var watchers = Except(presence.Unwatch(handoffId), exceptConnection);
        return watchers.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(watchers).HandoffEnded(handoffId, reason);
    }

    /// <summary>Tells every connection (but one) who has the handoff now.</summary>
    public Task TakenAsync(long handoffId, string byName, string? exceptConnection, CancellationToken cancellationToken)
    {
        var everyone = Except(presence.Connections().Select(c => c.ConnectionId).ToList(), exceptConnection);
        return everyone.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(everyone).HandoffTaken(handoffId, byName);
    }

    public Task AssignedAsync(IReadOnlyList<string> connectionIds, ConversationView conversation, CancellationToken cancellationToken) =>
        connectionIds.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(connectionIds).Assigned(conversation);

    private static List<string> Except(IReadOnlyList<string> connections, string? except) =>
        connections.Where(c => c != except).ToList();
}
