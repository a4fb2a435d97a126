using KokkaBot.Bot;
using KokkaBot.Bot.State;

namespace KokkaBot.ServicePaths;

/// <summary>Where a user is in one path: their answers and the checklist items they have done. Kept in UserState.</summary>
public sealed record PathProgress
{
    public Dictionary<string, string> Answers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Done items as "{checklist}/{item}".</summary>
    public HashSet<string> Done { get; init; } = new(StringComparer.Ordinal);

    public DateTimeOffset? Updated { get; init; }

    /// <summary>The path's checklist was left open ("later"), so "where was I?" can come back to it.</summary>
    public bool Paused { get; init; }
}

/// <summary>Every path's progress of the current user.</summary>
public sealed class PathProgressStore(UserState userState, TimeProvider clock)
{
    private readonly StatePropertyAccessor<Dictionary<string, PathProgress>> _progress =
        userState.CreateProperty<Dictionary<string, PathProgress>>("paths");

    public async Task<PathProgress> GetAsync(TurnContext turn, string pathId, CancellationToken cancellationToken) =>
        (await AllAsync(turn, cancellationToken)).GetValueOrDefault(pathId) ?? new PathProgress();

    public Task<Dictionary<string, PathProgress>> AllAsync(TurnContext turn, CancellationToken cancellationToken) =>
        _progress.GetAsync(turn, () => new Dictionary<string, PathProgress>(StringComparer.Ordinal), cancellationToken);

    public async Task SetAsync(TurnContext turn, string pathId, PathProgress progress, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, PathProgress>(await AllAsync(turn, cancellationToken), StringComparer.Ordinal)
        {
            [pathId] = progress with { Updated = clock.GetUtcNow() },
        };
        await _progress.SetAsync(turn, all, cancellationToken);
    }

    /// <summary>"Start over" forgets the paths too.</summary>
    public Task ClearAsync(TurnContext turn, CancellationToken cancellationToken) =>
        _progress.SetAsync(turn, new Dictionary<string, PathProgress>(StringComparer.Ordinal), cancellationToken);
}
