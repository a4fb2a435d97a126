namespace KokkaBot.Handoff;

/// <summary>A connected advisor: who they are and which towns they are limited to (null: none).</summary>
public sealed record AdvisorIdentity(string UserId, string Email, string DisplayName, IReadOnlyList<string>? Towns, bool IsAdmin);

/// <summary>
/// Who is connected to the advisor hub right now, and which connections watch which handoff (the
/// ones its live lines go to). Presence is what a connection is, not data: a restart empties it and
/// the consoles, reconnecting, fill it again (they call GetMine/GetConversation after a reconnect).
/// One instance per process; several instances need a shared backplane (the scale-out work).
/// </summary>
public sealed class AdvisorPresence
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AdvisorIdentity> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<long, HashSet<string>> _watchers = [];

    public void Connect(string connectionId, AdvisorIdentity advisor)
    {
        lock (_lock)
            _connections[connectionId] = advisor;
    }

    public void Disconnect(string connectionId)
    {
        lock (_lock)
        {
            _connections.Remove(connectionId);
            foreach (var (handoffId, watchers) in _watchers.ToList())
            {
                if (watchers.Remove(connectionId) && watchers.Count == 0)
                    _watchers.Remove(handoffId);
            }
        }
    }

    public AdvisorIdentity? Identity(string connectionId)
    {
        lock (_lock)
            return _connections.GetValueOrDefault(connectionId);
    }

    /// <summary>Every connection with its advisor.</summary>
    public IReadOnlyList<(string ConnectionId, AdvisorIdentity Advisor)> Connections()
    {
        lock (_lock)
            return _connections.Select(c => (c.Key, c.Value)).ToList();
    }

    /// <summary>The advisors online (one entry per person, however many tabs they have open).</summary>
    public IReadOnlyList<AdvisorIdentity> Advisors()
    {
        lock (_lock)
            return _connections.Values.DistinctBy(a => a.UserId).ToList();
    }

    public IReadOnlyList<string> ConnectionsOf(string userId)
    {
        lock (_lock)
            return _connections.Where(c => c.Value.UserId == userId).Select(c => c.Key).ToList();
    }

    public int OnlineFor(AdvisorTeam team)
    {
        lock (_lock)
            return _connections.Values.Where(a => team.IsSeenBy(a.Towns)).Select(a => a.UserId).Distinct().Count();
    }

    public void Watch(long handoffId, IEnumerable<string> connectionIds)
    {
        lock (_lock)
        {
            if (!_watchers.TryGetValue(handoffId, out var watchers))
                _watchers[handoffId] = watchers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in connectionIds.Where(_connections.ContainsKey))
                watchers.Add(id);
        }
    }

    /// <summary>Stops the given connections (or, with null, everyone) watching; returns who was watching before.</summary>
    public IReadOnlyList<string> Unwatch(long handoffId, IEnumerable<string>? connectionIds = null)
    {
        lock (_lock)
        {
            if (!_watchers.TryGetValue(handoffId, out var watchers))
                return [];
            var before = watchers.ToList();
            if (connectionIds is null)
                watchers.Clear();
            else
                watchers.ExceptWith(connectionIds);
            if (watchers.Count == 0)
                _watchers.Remove(handoffId);
            return before;
        }
    }

    public IReadOnlyList<string> Watchers(long handoffId)
    {
        lock (_lock)
            return _watchers.TryGetValue(handoffId, out var watchers) ? watchers.ToList() : [];
    }
}
