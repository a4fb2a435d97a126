using KokkaBot.Bot;

namespace KokkaBot.ServicePaths;

/// <summary>A path's checklist progress, as the menu shows it and "where was I?" finds it.</summary>
public sealed record PathStanding(ServicePath Path, int Done, int Total, bool Open, DateTimeOffset? Updated);

public sealed partial class PathSteps
{
    /// <summary>The standing of every path with a checklist the user has started.</summary>
    public async Task<IReadOnlyList<PathStanding>> StandingsAsync(TurnContext turn, CancellationToken ct)
    {
        var all = await progress.AllAsync(turn, ct);
        var standings = new List<PathStanding>();
        foreach (var path in catalog.Paths)
        {
            if (!all.TryGetValue(path.Id, out var known) || !path.Checklists.Any())
                continue;
            var valueOf = await ValuesAsync(turn, path, ct);
            var statuses = path.Checklists.Select(c => ChecklistStatus.Of(c, known, valueOf)).ToList();
            standings.Add(new PathStanding(path, statuses.Sum(s => s.Done), statuses.Sum(s => s.Total),
                statuses.Any(s => s.Next is not null), known.Updated));
        }
        return standings;
    }

    /// <summary>The path to come back to: the latest one started and not finished.</summary>
    public async Task<ServicePath?> ResumableAsync(TurnContext turn, CancellationToken ct) =>
        (await StandingsAsync(turn, ct))
            .Where(s => s.Open)
            .OrderByDescending(s => s.Updated)
            .Select(s => s.Path)
            .FirstOrDefault();
}
