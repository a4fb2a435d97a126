using Microsoft.Extensions.Options;

namespace KokkaBot.Handoff;

/// <summary>A team of advisors as the queue uses it: whom it serves and when it is open.</summary>
public sealed record AdvisorTeam(
    string Id, string Name, string Organisation, IReadOnlyList<string> Towns, IReadOnlyList<string> Topics, IReadOnlyList<string> Languages,
    WeeklySchedule Hours)
{
    /// <summary>True when the team serves the town; a team without towns serves every town.</summary>
    public bool ServesTown(string? town) => Towns.Count == 0 || (town is not null && Towns.Contains(town, StringComparer.OrdinalIgnoreCase));

    public bool Speaks(string language) => Languages.Count == 0 || Languages.Contains(language, StringComparer.OrdinalIgnoreCase);

    public bool Covers(string topic) => Topics.Count == 0 || Topics.Contains(topic, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether an advisor limited to <paramref name="advisorTowns"/> (null: no limit) handles this team's requests.</summary>
    public bool IsSeenBy(IReadOnlyList<string>? advisorTowns) =>
        advisorTowns is not { Count: > 0 } || Towns.Count == 0 || Towns.Any(t => advisorTowns.Contains(t, StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// The configured teams and the choice of a team for a request: the teams of the user's town, of
/// those the ones that speak the user's language, of those the ones that cover the topic; each step
/// narrows only when something is left, and the first team in configuration order wins a tie. When no
/// team names the user's town (or the town is unknown), the default team takes the request.
/// </summary>
public sealed class TeamDirectory
{
    private readonly Dictionary<string, AdvisorTeam> _byId;

    public TeamDirectory(IOptions<HandoffOptions> options)
    {
        var settings = options.Value;
        var zone = settings.TimeZone;
        All = settings.Teams.Select(t => new AdvisorTeam(
            t.Id, t.Name, t.Organisation, Clean(t.Towns), Clean(t.Topics), Clean(t.Languages),
            new WeeklySchedule(
                Enum.GetValues<DayOfWeek>().ToDictionary(d => d, d => WeeklySchedule.ParseDay(t.Hours.On(d))),
                zone, settings.ClosedOnPublicHolidays))).ToList();
        _byId = All.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        Default = _byId[settings.DefaultTeam];
    }

    public IReadOnlyList<AdvisorTeam> All { get; }

    public AdvisorTeam Default { get; }

    public AdvisorTeam? Find(string? id) => id is not null && _byId.TryGetValue(id, out var team) ? team : null;

    /// <summary>The team of a request whose team may no longer be configured: then the default team.</summary>
    public AdvisorTeam FindOrDefault(string? id) => Find(id) ?? Default;

    public AdvisorTeam Route(string language, string? town, string topic)
    {
        // Only teams that name the town count as "of the town"; a team without towns is a fallback like the default.
        var candidates = town is null ? [] : All.Where(t => t.Towns.Contains(town, StringComparer.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
            return Default;
        candidates = Narrow(candidates, t => t.Languages.Contains(language, StringComparer.OrdinalIgnoreCase), t => t.Speaks(language));
        candidates = Narrow(candidates, t => t.Topics.Contains(topic, StringComparer.OrdinalIgnoreCase), t => t.Covers(topic));
        return candidates[0];
    }

    /// <summary>Keeps the teams that match by name, else those that match as "any", else all of them.</summary>
    private static List<AdvisorTeam> Narrow(List<AdvisorTeam> teams, Func<AdvisorTeam, bool> named, Func<AdvisorTeam, bool> any)
    {
        var exact = teams.Where(named).ToList();
        if (exact.Count > 0)
            return exact;
        var open = teams.Where(any).ToList();
        return open.Count > 0 ? open : teams;
    }

    private static List<string> Clean(IEnumerable<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim().ToLowerInvariant()).Distinct().ToList();
}
