using KokkaBot.Conversation;
using KokkaBot.ServicePaths;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.ServicePaths;

/// <summary>
/// "Just arrived": the first weeks in Finland as a checklist in the right order, personalised by
/// citizenship and role, that keeps its progress for days and shows it in the menu.
/// </summary>
public sealed class JustArrivedPathTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_non_eu_student_is_led_through_the_checklist_in_order_with_the_entry_of_each_step()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        var p = PathTexts(bot);
        await OnboardAsync(bot, t["role.student"], "Kotka");

        var intro = await bot.SendAsync(t["menu.arrived"]);
        Assert.Equal([p.Get("en", "arrived.intro"), p.Get("en", "arrived.citizenship.ask")], intro.Texts());
        Assert.Equal([p.Get("en", "arrived.citizenship.eu"), p.Get("en", "arrived.citizenship.non-eu")], intro[^1].Buttons());

        var first = await bot.SendAsync(p.Get("en", "arrived.citizenship.non-eu"));
        Assert.Equal(p.Get("en", "arrived.checklist.intro"), first[0].Text);
        Assert.Equal(["guide-apply-residence-permit"], first.EntrySlugs());
        // A non-EU student: no EU registration, and student health care instead of the public one.
        Assert.Equal($"{t.Format("path.step", ("number", "1"), ("total", "8"))} {p.Get("en", "arrived.item.permit")}", first[^1].Text);
        Assert.Equal([t["path.done"], t["path.later"]], first[^1].Buttons());

        var expected = new (string Item, string Slug)[]
        {
            ("dvv", "guide-register-as-resident"), ("municipality", "municipality-of-residence"), ("tax-card", "tax-card"),
            ("bank", "guide-bank-account-and-strong-id"), ("kela", "guide-kela-coverage"), ("health-student", "fshs"),
            ("finnish", "guide-learn-finnish"),
        };
        for (var i = 0; i < expected.Length; i++)
        {
            var step = await bot.SendAsync(t["path.done"]);
            Assert.Equal([expected[i].Slug], step.EntrySlugs());
            Assert.Equal($"{t.Format("path.step", ("number", $"{i + 2}"), ("total", "8"))} {p.Get("en", $"arrived.item.{expected[i].Item}")}", step[^1].Text);
        }

        var end = await bot.SendAsync(t["path.done"]);
        Assert.Equal(t.Format("path.checklist.complete", ("total", "8")), end[0].Text);
        Assert.Equal(["kotka-moona-immigrant-guidance"], end.EntrySlugs());
        Assert.Contains(p.Get("en", "arrived.advisor"), end.Texts());
        Assert.Equal(t["menu.prompt.again"], end[^1].Text);
        Assert.Contains(t.Format("menu.progress", ("area", t["menu.arrived"]), ("done", "8"), ("total", "8")), end[^1].Buttons());
    }

    [Fact]
    public async Task An_eu_worker_registers_the_right_of_residence_and_goes_to_public_health_care()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await OnboardAsync(bot, t["role.jobseeker"], "Imatra");
        await bot.SendAsync(t["menu.arrived"]);

        var first = await bot.SendAsync(PathTexts(bot).Get("en", "arrived.citizenship.eu"));
        Assert.Equal(["eu-registration"], first.EntrySlugs());
        var slugs = new List<string>();
        for (var i = 0; i < 6; i++)
            slugs.AddRange((await bot.SendAsync(t["path.done"])).EntrySlugs());
        Assert.Contains("public-health-care", slugs);
        Assert.DoesNotContain("fshs", slugs);
    }

    [Fact]
    public async Task Later_saves_the_progress_the_menu_shows_it_and_where_was_i_resumes_it_in_a_new_conversation()
    {
        var database = TestDatabase.New();
        await using var first = DialogTestClient.ForKokka(output, database: database);
        var t = first.Texts();
        var p = PathTexts(first);
        await OnboardAsync(first, t["role.student"], "Lappeenranta");
        await first.SendAsync(t["menu.arrived"]);
        await first.SendAsync(p.Get("en", "arrived.citizenship.non-eu"));
        await first.SendAsync(t["path.done"]);

        var paused = await first.SendAsync(t["path.later"]);
        Assert.Equal(t.Format("path.paused", ("done", "1"), ("total", "8")), paused[0].Text);
        Assert.Contains(t.Format("menu.progress", ("area", t["menu.arrived"]), ("done", "1"), ("total", "8")), paused[^1].Buttons());

        // Days later, in another conversation of the same user.
        await using var later = DialogTestClient.ForKokka(output, database: database).As("conversation-later", first.UserId);
        await later.JoinAsync();
        var resumed = await later.SendAsync("where was I?");
        Assert.Equal(t.Format("path.progress", ("done", "1"), ("total", "8")), resumed[0].Text);
        Assert.Equal(["guide-register-as-resident"], resumed.EntrySlugs());
        Assert.StartsWith(t.Format("path.step", ("number", "2"), ("total", "8")), resumed[^1].Text);
        // The answered question is not asked again, and the intro is not repeated.
        Assert.DoesNotContain(p.Get("en", "arrived.citizenship.ask"), resumed.Texts());
    }

    [Fact]
    public async Task A_question_in_the_middle_of_the_checklist_is_answered_and_the_checklist_goes_on()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await OnboardAsync(bot, t["role.student"], "Kouvola");
        await bot.SendAsync(t["menu.arrived"]);
        var step = await bot.SendAsync(PathTexts(bot).Get("en", "arrived.citizenship.non-eu"));

        var answer = await bot.SendAsync("I need a doctor");
        // An answer card, or a choice of close entries: either way the Kouvola health care is there.
        Assert.Contains("kouvola-health-care", answer.EntrySlugs().Concat(answer[0].ChoiceSlugs()));
        Assert.Equal(step[^1].Text, answer[^1].Text);
        Assert.Equal([t["path.done"], t["path.later"]], answer[^1].Buttons());

        var next = await bot.SendAsync(t["path.done"]);
        Assert.StartsWith(t.Format("path.step", ("number", "2"), ("total", "8")), next[^1].Text);
    }

    [Fact]
    public async Task The_path_speaks_finnish_to_a_finnish_user()
    {
        await using var bot = DialogTestClient.ForKokka(output, locale: "fi-FI");
        var t = bot.Texts("fi");
        var p = PathTexts(bot);
        await OnboardAsync(bot, t["role.student"], "Hamina");

        var intro = await bot.SendAsync(t["menu.arrived"]);
        Assert.Equal([p.Get("fi", "arrived.intro"), p.Get("fi", "arrived.citizenship.ask")], intro.Texts());
        var first = await bot.SendAsync(p.Get("fi", "arrived.citizenship.non-eu"));
        Assert.Equal($"{t.Format("path.step", ("number", "1"), ("total", "8"))} {p.Get("fi", "arrived.item.permit")}", first[^1].Text);
        Assert.Equal([t["path.done"], t["path.later"]], first[^1].Buttons());
        var paused = await bot.SendAsync(t["path.later"]);
        Assert.Equal(t.Format("path.paused", ("done", "0"), ("total", "8")), paused[0].Text);
    }

    internal static PathTexts PathTexts(DialogTestClient bot) => bot.Services.GetRequiredService<ServicePathCatalog>().Texts;

    internal static async Task OnboardAsync(DialogTestClient bot, string role, string town)
    {
        await bot.JoinAsync();
        await bot.SendAsync(role);
        await bot.SendAsync(town);
    }
}
