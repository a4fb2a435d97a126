using System.Globalization;

namespace KokkaBot.Handoff;

/// <summary>
/// The Finnish public holidays on which every advisor team is closed: the fixed ones, the ones that
/// move with Easter, and the Midsummer and All Saints' days that fall on a Saturday in a window.
/// </summary>
public static class FinnishHolidays
{
    public static IReadOnlyList<(DateOnly Date, string Name)> Of(int year)
    {
        var easter = EasterSunday(year);
        var midsummerDay = SaturdayBetween(new DateOnly(year, 6, 20));
        return
        [
            (new DateOnly(year, 1, 1), "New Year's Day"),
            (new DateOnly(year, 1, 6), "Epiphany"),
            (easter.AddDays(-2), "Good Friday"),
            (easter, "Easter Sunday"),
            (easter.AddDays(1), "Easter Monday"),
            (new DateOnly(year, 5, 1), "May Day"),
            (easter.AddDays(39), "Ascension Day"),
            (midsummerDay.AddDays(-1), "Midsummer Eve"),
            (midsummerDay, "Midsummer Day"),
            (SaturdayBetween(new DateOnly(year, 10, 31)), "All Saints' Day"),
            (new DateOnly(year, 12, 6), "Independence Day"),
            (new DateOnly(year, 12, 24), "Christmas Eve"),
            (new DateOnly(year, 12, 25), "Christmas Day"),
            (new DateOnly(year, 12, 26), "Boxing Day"),
        ];
    }

    public static bool IsHoliday(DateOnly date) => Of(date.Year).Any(h => h.Date == date);

    /// <summary>Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The Saturday of the seven days starting at <paramref name="first"/>.</summary>
    private static DateOnly SaturdayBetween(DateOnly first) =>
        first.AddDays(((int)DayOfWeek.Saturday - (int)first.DayOfWeek + 7) % 7);
}

/// <summary>An opening period of one day, in local time.</summary>
public readonly record struct OpenPeriod(TimeOnly From, TimeOnly To);

/// <summary>
/// A team's weekly opening hours in its time zone, closed on Finnish public holidays.
/// Hours are written per weekday as "08:00-15:30" (several periods separated by commas; empty = closed).
/// </summary>
public sealed class WeeklySchedule
{
    private readonly IReadOnlyList<OpenPeriod>[] _days;
    private readonly TimeZoneInfo _zone;
    private readonly bool _closedOnHolidays;

    public WeeklySchedule(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpenPeriod>> days, TimeZoneInfo zone, bool closedOnHolidays = true)
    {
        _days = Enum.GetValues<DayOfWeek>().Select(d => days.TryGetValue(d, out var periods) ? periods : []).ToArray();
        _zone = zone;
        _closedOnHolidays = closedOnHolidays;
    }

    public IReadOnlyList<OpenPeriod> On(DayOfWeek day) => _days[(int)day];

    public bool IsOpen(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (_closedOnHolidays && FinnishHolidays.IsHoliday(date))
            return false;
        var time = TimeOnly.FromDateTime(local.DateTime);
        return _days[(int)local.DayOfWeek].Any(p => time >= p.From && time < p.To);
    }

    /// <summary>When the team is next open at or after <paramref name="at"/> (itself when open now); null when it never opens.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset at)
    {
        if (IsOpen(at))
            return at;
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var now = TimeOnly.FromDateTime(local.DateTime);
        // A year and a week covers every holiday run and every weekly pattern.
        for (var offset = 0; offset <= 372; offset++)
        {
            var date = today.AddDays(offset);
            if (_closedOnHolidays && FinnishHolidays.IsHoliday(date))
                continue;
            foreach (var period in _days[(int)date.DayOfWeek].OrderBy(p => p.From))
            {
                if (offset == 0 && period.From <= now)
                    continue;
                var opening = Local(date, period.From);
                if (opening > at)
                    return opening;
            }
        }
        return null;
    }

    /// <summary>The local wall-clock time as an instant; a time skipped by the spring change counts from the hour after.</summary>
    private DateTimeOffset Local(DateOnly date, TimeOnly time)
    {
        var wall = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(wall))
            wall = wall.AddMinutes(30);
        return new DateTimeOffset(wall, _zone.GetUtcOffset(wall));
    }

    /// <summary>"08:00-15:30" or "08:00-11:00, 12:00-15:30"; empty or "closed" = closed. Throws <see cref="FormatException"/> with the reason.</summary>
    public static IReadOnlyList<OpenPeriod> ParseDay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("closed", StringComparison.OrdinalIgnoreCase))
            return [];
        var periods = new List<OpenPeriod>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2
                || !TimeOnly.TryParseExact(ends[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(ends[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
                throw new FormatException($"'{part}' is not a period like 08:00-15:30.");
            if (to <= from)
                throw new FormatException($"'{part}' ends before it begins.");
            if (periods.Any(p => from < p.To && p.From < to))
                throw new FormatException($"'{part}' overlaps another period of the same day.");
            periods.Add(new OpenPeriod(from, to));
        }
        return periods.OrderBy(p => p.From).ToList();
    }
}
