using System.Text.Json;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.Conversation;

/// <summary>A newcomer's first conversation: greeting, language, who they are, their town, then the menu.</summary>
public class OnboardingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_new_user_is_greeted_on_join_and_onboarded_with_buttons_into_the_main_menu()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();

        var welcome = await bot.JoinAsync();
        Assert.StartsWith(t["greeting"], welcome[0].Text);
        var role = welcome[^1];
        Assert.Contains(t["role.prompt"], role.Text);
        Assert.Equal(OnboardingDialog.Roles.Select(r => t[$"role.{r}"]), role.SuggestedActions!.Actions.Select(a => a.Title));

        var town = Assert.Single(await bot.SendAsync(t["role.student"]));
        Assert.Equal(t["town.prompt"], town.Text);
        Assert.Equal(["Kotka", "Hamina", "Kouvola", "Lappeenranta", "Imatra", t["town.other"]], town.SuggestedActions!.Actions.Select(a => a.Title));

        var done = await bot.SendAsync("Lappeenranta");
        Assert.Equal([t["onboarding.done"], t["menu.prompt"]], done.Select(a => a.Text));
        Assert.Equal(MainMenu.Areas.Select(a => t[$"menu.{a}"]), done[^1].SuggestedActions!.Actions.Select(a => a.Title));

        var profile = await ProfileOf(bot);
        Assert.Equal(("en", "student", "lappeenranta"), (profile.Language, profile.Role, profile.Town));
        Assert.NotNull(profile.OnboardedAt);
    }

    [Fact]
    public async Task Without_a_known_client_language_the_first_question_is_the_language_asked_in_all_of_ours()
    {
        await using var bot = DialogTestClient.ForKokka(output, locale: "de-DE");

        var welcome = await bot.JoinAsync();
        var question = welcome[^1];
        Assert.Contains(bot.Texts("en")["language.prompt"], question.Text);
        Assert.Contains(bot.Texts("fi")["language.prompt"], question.Text);
        Assert.Equal(["English", "Suomi", "Svenska", "Русский", "Українська", "العربية"], question.SuggestedActions!.Actions.Select(a => a.Title));

        var role = Assert.Single(await bot.SendAsync("suomi"));
        Assert.Contains(bot.Texts("fi")["role.prompt"], role.Text);
        Assert.Equal("fi", (await ProfileOf(bot)).Language);
    }

    [Fact]
    public async Task A_finnish_client_is_served_in_finnish_from_the_first_word()
    {
        await using var bot = DialogTestClient.ForKokka(output, locale: "fi-FI");
        var fi = bot.Texts("fi");

        var welcome = await bot.JoinAsync();
        Assert.StartsWith(fi["greeting"], welcome[0].Text);
        Assert.Equal(OnboardingDialog.Roles.Select(r => fi[$"role.{r}"]), welcome[^1].SuggestedActions!.Actions.Select(a => a.Title));

        Assert.Equal(fi["town.prompt"], Assert.Single(await bot.SendAsync("Työnhakija")).Text);
        var done = await bot.SendAsync("asun Kouvolassa");
        Assert.Equal(fi["menu.prompt"], done[^1].Text);
        Assert.Equal(("jobseeker", "kouvola"), ((await ProfileOf(bot)).Role, (await ProfileOf(bot)).Town));
    }

    [Fact]
    public async Task A_channel_without_conversation_update_still_gets_the_greeting_once()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();

        var first = await bot.SendAsync("hello");
        Assert.StartsWith(t["greeting"], first[0].Text);
        Assert.Contains(t["role.prompt"], first[^1].Text);

        var second = Assert.Single(await bot.SendAsync("hello again"));
        Assert.Equal(t["role.retry"], second.Text);
    }

    [Fact]
    public async Task An_answer_that_is_not_an_option_gets_the_retry_prompt_with_the_buttons_again()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await bot.JoinAsync();
        await bot.SendAsync("3");

        var retry = Assert.Single(await bot.SendAsync("Helsinki"));

        Assert.Equal(t["town.retry"], retry.Text);
        Assert.Equal(6, retry.SuggestedActions!.Actions.Count);
    }

    [Fact]
    public async Task A_returning_user_is_welcomed_back_and_goes_straight_to_the_menu()
    {
        var database = TestDatabase.New();
        await using (var first = DialogTestClient.ForKokka(output, database: database).As("conversation-1", "student-1"))
        {
            await first.JoinAsync();
            await first.SendAsync("Student");
            await first.SendAsync("Kotka");
        }

        await using var next = DialogTestClient.ForKokka(output, database: database).As("conversation-2", "student-1");
        var t = next.Texts();
        var welcome = await next.JoinAsync();

        Assert.Equal([t["greeting.returning"], t["menu.prompt"]], welcome.Select(a => a.Text));
    }

    [Fact]
    public async Task The_health_area_gives_the_emergency_numbers_first()
    {
        await using var bot = await OnboardedAsync(output, "Imatra");
        var paths = bot.Services.GetRequiredService<KokkaBot.ServicePaths.ServicePathCatalog>().Texts;

        var replies = await bot.SendAsync("6");

        Assert.Equal(paths.Get("en", "health.safety"), replies[0].Text);
        Assert.Contains("112", replies[0].Text);
        Assert.Contains("116117", replies[0].Text);
    }

    internal static async Task<DialogTestClient> OnboardedAsync(ITestOutputHelper output, string town, string locale = "en-US")
    {
        var bot = DialogTestClient.ForKokka(output, locale);
        await bot.JoinAsync();
        await bot.SendAsync("1");
        await bot.SendAsync(town);
        return bot;
    }

    internal static async Task<UserProfile> ProfileOf(DialogTestClient bot)
    {
        // Read the profile as the next turn would see it: through a real turn over the same storage.
        var storage = bot.Services.GetRequiredService<KokkaBot.Bot.State.IStorage>();
        var items = await storage.ReadAsync([$"{bot.ChannelId}/users/{bot.UserId}"], TestContext.Current.CancellationToken);
        var json = System.Text.Json.JsonDocument.Parse(items.Values.Single().Json);
        return json.RootElement.GetProperty("profile").Deserialize<UserProfile>(KokkaBot.Bot.State.StateJson.Options)!;
    }
}
