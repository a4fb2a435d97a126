using KokkaBot.Bot;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Conversation;

/// <summary>Help, menu, start over, language and "talk to a person" work in the middle of any question.</summary>
public class GlobalCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Help_explains_the_commands_and_asks_the_same_question_again()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await bot.JoinAsync();

        var replies = await bot.SendAsync("help");

        Assert.Equal(t["help"], replies[0].Text);
        Assert.Contains(t["role.prompt"], replies[1].Text);
        Assert.Equal(t["town.prompt"], Assert.Single(await bot.SendAsync("Graduate")).Text);
    }

    [Fact]
    public async Task Changing_the_language_mid_question_asks_the_same_question_in_the_new_language()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        await bot.JoinAsync();
        await bot.SendAsync("Student");

        var offer = Assert.Single(await bot.SendAsync("language"));
        Assert.Equal(["English", "Suomi", "Svenska", "Русский", "Українська", "العربية"], offer.SuggestedActions!.Actions.Select(a => a.Title));

        var fi = bot.Texts("fi");
        var switched = await bot.SendAsync("Suomi");
        Assert.Equal([fi["language.changed"], fi["town.prompt"]], switched.Select(r => r.Text));
        Assert.Equal(fi["town.other"], switched[^1].SuggestedActions!.Actions[^1].Title);

        Assert.Equal(fi["menu.prompt"], (await bot.SendAsync("Kotka"))[^1].Text);
    }

    [Fact]
    public async Task The_web_pages_language_event_switches_language_too()
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Hamina");
        var fi = bot.Texts("fi");

        var replies = await bot.SendActivityAsync(new Activity
        {
            Type = ActivityTypes.Event,
            Name = ConversationBot.SetLanguageEvent,
            Value = BotJson.ToElement("fi"),
        });

        Assert.Equal([fi["language.changed"], fi["menu.prompt"]], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task A_language_name_that_answers_the_current_question_is_an_answer_not_a_command()
    {
        await using var bot = DialogTestClient.ForKokka(output, locale: "xx");
        await bot.JoinAsync();

        var replies = await bot.SendAsync("English");

        var role = Assert.Single(replies);
        Assert.Contains(bot.Texts()["role.prompt"], role.Text);
    }

    [Fact]
    public async Task Menu_leaves_the_question_and_shows_the_main_menu()
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Kotka");
        var t = bot.Texts();
        await bot.SendAsync("help");

        var replies = await bot.SendAsync("Menu");

        Assert.Equal(t["menu.prompt"], Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Start_over_forgets_the_answers_but_not_the_language_and_asks_again()
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Kotka", locale: "fi-FI");
        var fi = bot.Texts("fi");

        var replies = await bot.SendAsync("aloita alusta");

        Assert.Equal(fi["start.over"], replies[0].Text);
        Assert.Contains(fi["role.prompt"], replies[^1].Text);
        var profile = await OnboardingTests.ProfileOf(bot);
        Assert.Equal(("fi", null, null), (profile.Language, profile.Role, profile.Town));
    }

    [Fact]
    public async Task Asking_for_a_person_in_the_middle_of_onboarding_starts_the_request_and_no_is_respected()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await bot.JoinAsync();

        var replies = await bot.SendAsync("ihminen");

        Assert.Equal([t["handoff.ok"], t["handoff.reason.ask"]], replies.Texts());
    }

    [Fact]
    public async Task A_command_inside_a_sentence_is_a_question_not_a_command()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await bot.JoinAsync();

        var replies = await bot.SendAsync("I need help with my residence permit");

        Assert.DoesNotContain(t["help"], replies.Texts());
        Assert.NotEmpty(replies.EntrySlugs().Concat(replies[0].ChoiceSlugs()));
        Assert.Contains(t["role.prompt"], replies[^1].Text);
    }
}
