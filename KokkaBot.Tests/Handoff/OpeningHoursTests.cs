using KokkaBot.Handoff;

namespace KokkaBot.Tests.Handoff;

public class FinnishHolidaysTests
{
    public static TheoryData<int, string[]> Holidays => new()
    {
        {
            2026,
            [
                "2026-01-01 New Year's Day", "2026-01-06 Epiphany", "2026-04-03 Good Friday", "2026-04-05 Easter Sunday",
                "2026-04-06 Easter Monday", "2026-05-01 May Day", "2026-05-14 Ascension Day", "2026-06-19 Midsummer Eve",
                "2026-06-20 Midsummer Day", "2026-10-31 All Saints' Day", "2026-12-06 Independence Day", "2026-12-24 Christmas Eve",
                "2026-12-25 Christmas Day", "2026-12-26 Boxing Day",
            ]
        },
        {
            2027,
            [
                "2027-01-01 New Year's Day", "2027-01-06 Epiphany", "2027-03-26 Good Friday", "2027-03-28 Easter Sunday",
                "2027-03-29 Easter Monday", "2027-05-01 May Day", "2027-05-06 Ascension Day", "2027-06-25 Midsummer Eve",
                "2027-06-26 Midsummer Day", "2027-11-06 All Saints' Day", "2027-12-06 Independence Day", "2027-12-24 Christmas Eve",
                "2027-12-25 Christmas Day", "2027-12-26 Boxing Day",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Holidays))]
    public void The_public_holidays_of_a_year(int year, string[] expected) =>
        Assert.Equal(expected, FinnishHolidays.Of(year).Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}"));

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_sunday(int year, string date) =>
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), FinnishHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2026-06-19", true)]
    [InlineData("2026-06-21", false)]
    [InlineData("2026-11-01", false)]
    [InlineData("2026-12-31", false)]
    [InlineData("2027-11-06", true)]
    public void Is_holiday(string date, bool holiday) =>
        Assert.Equal(holiday, FinnishHolidays.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}

public class WeeklyScheduleTests
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    /// <summary>MOONA Kotka: Mon, Tue, Thu 8–15.30; Wed 12–15.30; Fri 8–15.</summary>
    private static readonly WeeklySchedule Moona = new(new Dictionary<DayOfWeek, IReadOnlyList<OpenPeriod>>
    {
        [DayOfWeek.Monday] = WeeklySchedule.ParseDay("08:00-15:30"),
        [DayOfWeek.Tuesday] = WeeklySchedule.ParseDay("08:00-15:30"),
        [DayOfWeek.Wednesday] = WeeklySchedule.ParseDay("12:00-15:30"),
        [DayOfWeek.Thursday] = WeeklySchedule.ParseDay("08:00-15:30"),
        [DayOfWeek.Friday] = WeeklySchedule.ParseDay("08:00-15:00"),
    }, Helsinki);

    private static DateTimeOffset At(string local)
    {
        var wall = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(wall, Helsinki.GetUtcOffset(wall));
    }

    [Theory]
    [InlineData("2026-03-16 07:59", false)] // Monday, before opening
    [InlineData("2026-03-16 08:00", true)]
    [InlineData("2026-03-16 15:29", true)]
    [InlineData("2026-03-16 15:30", false)]
    [InlineData("2026-03-18 11:59", false)] // Wednesday opens at noon
    [InlineData("2026-03-18 12:00", true)]
    [InlineData("2026-03-20 14:59", true)] // Friday closes at 15
    [InlineData("2026-03-20 15:00", false)]
    [InlineData("2026-03-21 10:00", false)] // Saturday
    [InlineData("2026-04-03 10:00", false)] // Good Friday
    [InlineData("2026-04-06 10:00", false)] // Easter Monday
    [InlineData("2026-06-19 10:00", false)] // Midsummer Eve
    [InlineData("2026-12-24 10:00", false)] // Christmas Eve, a Thursday
    [InlineData("2026-07-01 11:30", false)] // summer time (UTC+3), a Wednesday
    [InlineData("2026-07-01 12:30", true)]
    public void Open_or_closed(string local, bool open) =>
        Assert.Equal(open, Moona.IsOpen(At(local)));

    [Theory]
    [InlineData("2026-03-20 15:30", "2026-03-23 08:00")] // Friday afternoon → Monday
    [InlineData("2026-03-18 09:00", "2026-03-18 12:00")] // Wednesday morning → noon
    [InlineData("2026-03-16 06:00", "2026-03-16 08:00")] // Monday early → the same morning
    [InlineData("2026-04-02 16:00", "2026-04-07 08:00")] // Maundy Thursday → over Easter → Tuesday
    [InlineData("2026-12-23 16:00", "2026-12-28 08:00")] // before Christmas → Monday after Boxing Day
    [InlineData("2026-12-31 16:00", "2027-01-04 08:00")] // New Year's Eve → Monday 4 January
    [InlineData("2026-03-27 16:00", "2026-03-30 08:00")] // across the change to summer time (29 March)
    [InlineData("2026-06-18 16:00", "2026-06-22 08:00")] // Midsummer
    public void Next_opening(string localNow, string localNext)
    {
        var next = Moona.NextOpening(At(localNow));
        Assert.Equal(At(localNext), next);
        Assert.Equal(Helsinki.GetUtcOffset(DateTime.Parse(localNext, System.Globalization.CultureInfo.InvariantCulture)), next!.Value.Offset);
        Assert.True(Moona.IsOpen(next.Value));
    }

    [Fact]
    public void When_open_the_next_opening_is_now() =>
        Assert.Equal(At("2026-03-16 10:00"), Moona.NextOpening(At("2026-03-16 10:00")));

    [Fact]
    public void A_team_that_never_opens_has_no_next_opening() =>
        Assert.Null(new WeeklySchedule(new Dictionary<DayOfWeek, IReadOnlyList<OpenPeriod>>(), Helsinki).NextOpening(At("2026-03-16 10:00")));

    [Fact]
    public void Several_periods_a_day()
    {
        var periods = WeeklySchedule.ParseDay("12:00-15:30, 8:00-11:00");
        Assert.Equal([new OpenPeriod(new TimeOnly(8, 0), new TimeOnly(11, 0)), new OpenPeriod(new TimeOnly(12, 0), new TimeOnly(15, 30))], periods);
        Assert.Empty(WeeklySchedule.ParseDay(""));
        Assert.Empty(WeeklySchedule.ParseDay("closed"));
    }

    [Theory]
    [InlineData("8-15")]
    [InlineData("15:00-08:00")]
    [InlineData("08:00-12:00, 11:00-15:00")]
    [InlineData("25:00-26:00")]
    public void Bad_hours_are_refused(string text) =>
        Assert.Throws<FormatException>(() => WeeklySchedule.ParseDay(text));
}
