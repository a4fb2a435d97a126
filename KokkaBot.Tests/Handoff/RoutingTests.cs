using KokkaBot.Handoff;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KokkaBot.Tests.Handoff;

public class RoutingTests
{
    private static TeamOptions Team(string id, string[]? towns = null, string[]? languages = null, string[]? topics = null) => new()
    {
        Id = id,
        Name = id,
        Towns = [.. towns ?? []],
        Languages = [.. languages ?? []],
        Topics = [.. topics ?? []],
        Hours = new WeeklyHoursOptions { Monday = "09:00-15:00" },
    };

    private static TeamDirectory Directory(params TeamOptions[] teams) =>
        new(Options.Create(new HandoffOptions { DefaultTeam = "default", Teams = [.. teams] }));

    private static readonly TeamDirectory Teams = Directory(
        Team("lpr-general", ["lappeenranta", "imatra"], ["fi", "en"]),
        Team("lpr-slavic", ["lappeenranta"], ["ru", "uk"]),
        Team("lpr-work", ["lappeenranta", "imatra"], ["fi", "en"], ["find-work"]),
        Team("kotka", ["kotka"]),
        Team("default"));

    [Theory]
    [InlineData("en", "lappeenranta", "housing", "lpr-general")] // town, then language; the topic picks nobody special
    [InlineData("ru", "lappeenranta", "housing", "lpr-slavic")] // the language narrows the town's teams
    [InlineData("en", "imatra", "find-work", "lpr-work")] // then the topic
    [InlineData("ru", "imatra", "find-work", "lpr-work")] // nobody in Imatra speaks Russian: the town still wins, then the topic
    [InlineData("ar", "lappeenranta", "housing", "lpr-general")] // no language match: the first of the town's teams
    [InlineData("uk", "kotka", "anything", "kotka")] // a team without languages or topics takes them all
    [InlineData("en", "hamina", "housing", "default")] // nobody names the town
    [InlineData("en", null, "housing", "default")] // town unknown
    public void Town_then_language_then_topic_then_the_default(string language, string? town, string topic, string expected) =>
        Assert.Equal(expected, Teams.Route(language, town, topic).Id);

    [Fact]
    public void Town_names_are_compared_without_case() =>
        Assert.Equal("kotka", Teams.Route("en", "Kotka", "general").Id);

    [Fact]
    public void An_advisor_sees_the_teams_whose_towns_overlap_theirs()
    {
        var kotka = Teams.Find("kotka")!;
        var lpr = Teams.Find("lpr-general")!;
        var fallback = Teams.Find("default")!;
        Assert.True(kotka.IsSeenBy(["kotka", "hamina"]));
        Assert.False(lpr.IsSeenBy(["kotka"]));
        Assert.True(lpr.IsSeenBy(["imatra"]));
        Assert.True(lpr.IsSeenBy(null));
        Assert.True(fallback.IsSeenBy(["kotka"]));
    }

    [Fact]
    public void The_shipped_teams_route_every_town_and_work_questions_to_employment_services()
    {
        var configuration = new ConfigurationBuilder().SetBasePath(Paths.KokkaProject).AddJsonFile("appsettings.json").Build();
        var services = new ServiceCollection().AddLogging().AddHandoff(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<HandoffOptions>>().Value;
        var teams = new TeamDirectory(Options.Create(options));

        Assert.Equal(TimeSpan.FromMinutes(3), options.NoAnswerNotice);
        Assert.Equal("moona-kotka", teams.Route("en", "kotka", "housing").Id);
        Assert.Equal("moona-kotka", teams.Route("fi", "hamina", "general").Id);
        Assert.Equal("kymenlaakso-south-employment", teams.Route("en", "kotka", "find-work").Id);
        Assert.Equal("kouvola-international", teams.Route("en", "kouvola", "find-work").Id);
        Assert.Equal("south-karelia-immigrant", teams.Route("ar", "imatra", "family").Id);
        Assert.Equal("south-karelia-employment", teams.Route("en", "lappeenranta", "find-work").Id);
        Assert.Equal("kokka-advisors", teams.Route("en", null, "general").Id);
        var moona = teams.Find("moona-kotka")!.Hours;
        Assert.Equal("12:00", moona.On(DayOfWeek.Wednesday)[0].From.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("15:00", moona.On(DayOfWeek.Friday)[0].To.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Bad_settings_stop_the_start_with_the_setting_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Handoff:DefaultTeam"] = "nobody",
            ["Handoff:Teams:0:Id"] = "kotka",
            ["Handoff:Teams:0:Name"] = "Kotka",
            ["Handoff:Teams:0:Towns:0"] = "helsinki",
            ["Handoff:Teams:0:Hours:Monday"] = "9-15",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddHandoff(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HandoffOptions>>().Value);
        Assert.Contains(failure.Failures, f => f.Contains("Handoff:DefaultTeam 'nobody'", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("Handoff:Teams:0:Towns: 'helsinki'", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("Handoff:Teams:0:Hours:Monday", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_setting_is_not_ignored()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Handoff:DefaultTeam"] = "kotka",
            ["Handoff:Teams:0:Id"] = "kotka",
            ["Handoff:Teams:0:Name"] = "Kotka",
            ["Handoff:Teams:0:Hours:Munday"] = "09:00-15:00",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddHandoff(configuration).BuildServiceProvider();
        Assert.ThrowsAny<InvalidOperationException>(() => services.GetRequiredService<IOptions<HandoffOptions>>().Value);
    }
}
