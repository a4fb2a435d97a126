using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace KokkaBot.Handoff;

/// <summary>The <c>Handoff</c> section: advisor teams, their hours, and the queue's timings.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>The team a request goes to when no team serves the user's town.</summary>
    [Required]
    public string DefaultTeam { get; set; } = "";

    /// <summary>The time zone the opening hours are written in.</summary>
    [Required]
    public string TimeZoneId { get; set; } = "Europe/Helsinki";

    /// <summary>Every team is closed on Finnish public holidays.</summary>
    public bool ClosedOnPublicHolidays { get; set; } = true;

    /// <summary>How long a request waits unanswered before the user is told and offered to leave a message.</summary>
    public TimeSpan NoAnswerNotice { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often the queue is checked for requests that have waited too long.</summary>
    public TimeSpan NoAnswerCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait estimate per place in the queue until enough handoffs have ended to measure it.</summary>
    public TimeSpan AverageHandlingTime { get; set; } = TimeSpan.FromMinutes(8);

    /// <summary>The longest message or note an advisor may write.</summary>
    [Range(100, 20_000)]
    public int MaxTextLength { get; set; } = 4000;

    public List<TeamOptions> Teams { get; set; } = [];

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}

/// <summary>One team of advisors. An empty list of towns, topics or languages means "any".</summary>
public sealed class TeamOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
    public List<string> Towns { get; set; } = [];
    public List<string> Topics { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public WeeklyHoursOptions Hours { get; set; } = new();
}

/// <summary>Opening hours per weekday in local time: "08:00-15:30", several periods comma-separated, empty = closed.</summary>
public sealed class WeeklyHoursOptions
{
    public string? Monday { get; set; }
    public string? Tuesday { get; set; }
    public string? Wednesday { get; set; }
    public string? Thursday { get; set; }
    public string? Friday { get; set; }
    public string? Saturday { get; set; }
    public string? Sunday { get; set; }

    public string? On(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        _ => Sunday,
    };
}

/// <summary>Checks what data annotations cannot: teams, their ids, hours and the default team.</summary>
internal sealed class HandoffOptionsValidator : IValidateOptions<HandoffOptions>
{
    public ValidateOptionsResult Validate(string? name, HandoffOptions options)
    {
        var errors = new List<string>();
        try
        {
            _ = options.TimeZone;
        }
        catch (TimeZoneNotFoundException)
        {
            errors.Add($"Handoff:TimeZoneId '{options.TimeZoneId}' is not a known time zone.");
        }
        if (options.NoAnswerNotice <= TimeSpan.Zero)
            errors.Add("Handoff:NoAnswerNotice must be positive.");
        if (options.NoAnswerCheckInterval <= TimeSpan.Zero)
            errors.Add("Handoff:NoAnswerCheckInterval must be positive.");
        if (options.AverageHandlingTime <= TimeSpan.Zero)
            errors.Add("Handoff:AverageHandlingTime must be positive.");
        if (options.Teams.Count == 0)
            errors.Add("Handoff:Teams must name at least one team of advisors.");

        for (var i = 0; i < options.Teams.Count; i++)
        {
            var team = options.Teams[i];
            var at = $"Handoff:Teams:{i}";
            if (string.IsNullOrWhiteSpace(team.Id))
                errors.Add($"{at}:Id is required.");
            if (string.IsNullOrWhiteSpace(team.Name))
                errors.Add($"{at}:Name is required.");
            foreach (var town in team.Towns.Where(t => KokkaBot.Knowledge.Places.Towns.Find(t) is null))
                errors.Add($"{at}:Towns: '{town}' is not a town KokkaBot serves ({string.Join(", ", KokkaBot.Knowledge.Places.Towns.All.Select(t => t.Slug))}).");
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                try
                {
                    WeeklySchedule.ParseDay(team.Hours.On(day));
                }
                catch (FormatException e)
                {
                    errors.Add($"{at}:Hours:{day}: {e.Message}");
                }
            }
        }
        foreach (var duplicate in options.Teams.GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add($"Handoff:Teams: the id '{duplicate.Key}' is used by more than one team.");
        if (!string.IsNullOrWhiteSpace(options.DefaultTeam) && options.Teams.Count > 0
            && !options.Teams.Any(t => string.Equals(t.Id, options.DefaultTeam, StringComparison.OrdinalIgnoreCase)))
            errors.Add($"Handoff:DefaultTeam '{options.DefaultTeam}' is not one of Handoff:Teams.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
