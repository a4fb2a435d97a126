using KokkaBot.Bot.Schema;
using KokkaBot.Conversation.Texts;
using KokkaBot.ServicePaths;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.ServicePaths;

/// <summary>
/// Every service path walked from its menu item back to the menu, the way a hurried user does it:
/// the first button of every question, "Done" for every checklist item. No walk may apologise, say
/// nothing or get stuck. Then, per path, that its answers and the user's profile pick the right entries.
/// </summary>
public sealed class PathWalkTests(ITestOutputHelper output)
{
    /// <summary>More turns than any path needs: a walk that takes longer is going round in circles.</summary>
    private const int MaxTurns = 30;

    private static readonly string Dialogs = Path.Combine(AppContext.BaseDirectory, "dialogs");

    /// <summary>Every path file × English and Finnish × a few kinds of user.</summary>
    public static TheoryData<string, string, string, string> Walks()
    {
        var menus = ServicePathLoader.ForDirectory(Dialogs, PathTexts.FromDirectory(Path.Combine(Dialogs, "texts")))
            .LoadDirectory(Dialogs)
            .Select(p => p.Menu)
            .Order(StringComparer.Ordinal);
        var data = new TheoryData<string, string, string, string>();
        foreach (var menu in menus)
            foreach (var locale in new[] { "en-US", "fi-FI" })
                foreach (var (role, town) in new[] { ("student", "Kotka"), ("jobseeker", "Imatra"), ("family", "other") })
                    data.Add(menu, locale, role, town);
        return data;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Every_path_can_be_walked_back_to_the_menu(string menu, string locale, string role, string town)
    {
        await using var bot = DialogTestClient.ForKokka(output, locale);
        var t = bot.Texts(locale[..2]);
        await JustArrivedPathTests.OnboardAsync(bot, t[$"role.{role}"], town == "other" ? t["town.other"] : town);

        var walk = await WalkAsync(bot, t, menu);

        Assert.DoesNotContain(t["error.apology"], walk.Texts());
        Assert.All(walk, reply => Assert.True(
            reply.Type == ActivityTypes.Message && (!string.IsNullOrWhiteSpace(reply.Text) || reply.Attachments is { Count: > 0 }),
            $"An empty reply: {reply.Type} '{reply.Text}'"));
        Assert.NotEmpty(walk.EntrySlugs());
    }

    [Fact]
    public async Task Find_work_shows_a_Kouvola_job_seeker_the_forest_employers_and_employment_services_of_Kouvola()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await JustArrivedPathTests.OnboardAsync(bot, t["role.jobseeker"], "Kouvola");

        var walk = await WalkAsync(bot, t, "work", Answers(bot, "en",
            ("work.field.ask", "work.field.forest"), ("work.language.ask", "work.language.english")));

        var slugs = walk.EntrySlugs();
        Assert.Equal("employer-upm-kymi", slugs.First(s => s.StartsWith("employer-", StringComparison.Ordinal)));
        Assert.Contains("kouvola-employment-services", slugs);
        Assert.DoesNotContain("south-karelia-employment-services", slugs);
        Assert.DoesNotContain("kotka-employment-services", slugs);
        // English only: Work in Finland too; a job seeker registers as one.
        Assert.Contains("work-in-finland", slugs);
        Assert.Contains("guide-register-as-jobseeker", slugs);
    }

    [Fact]
    public async Task Find_work_gives_a_Lappeenranta_student_the_South_Karelia_services_and_tips_for_internships()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        var p = JustArrivedPathTests.PathTexts(bot);
        await JustArrivedPathTests.OnboardAsync(bot, t["role.student"], "Lappeenranta");

        var walk = await WalkAsync(bot, t, "work", Answers(bot, "en",
            ("work.field.ask", "work.field.education"), ("work.language.ask", "work.language.finnish")));

        var slugs = walk.EntrySlugs();
        Assert.Contains("lappeenranta-employment-services", slugs);
        Assert.DoesNotContain("kouvola-employment-services", slugs);
        Assert.Contains(p.Get("en", "work.students"), walk.Texts());
        Assert.DoesNotContain("work-in-finland", slugs);
        Assert.DoesNotContain("guide-register-as-jobseeker", slugs);
    }

    [Fact]
    public async Task Housing_shows_a_Lappeenranta_student_LOAS_without_asking()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        var p = JustArrivedPathTests.PathTexts(bot);
        await JustArrivedPathTests.OnboardAsync(bot, t["role.student"], "Lappeenranta");

        var walk = await WalkAsync(bot, t, "housing");

        Assert.DoesNotContain(p.Get("en", "housing.home.ask"), walk.Texts());
        var slugs = walk.EntrySlugs();
        Assert.Equal("lappeenranta-loas-student-housing", slugs[0]);
        Assert.Contains("housing-allowance", slugs);
    }

    [Fact]
    public async Task Housing_sends_a_Kotka_job_seeker_who_rents_to_MOONA_rather_than_to_student_flats()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await JustArrivedPathTests.OnboardAsync(bot, t["role.jobseeker"], "Kotka");

        var walk = await WalkAsync(bot, t, "housing", Answers(bot, "en", ("housing.home.ask", "housing.home.rental")));

        var slugs = walk.EntrySlugs();
        Assert.Contains("kotka-moona-immigrant-guidance", slugs);
        Assert.DoesNotContain("kotka-student-housing-kotopas", slugs);
    }

    [Fact]
    public async Task Family_with_school_children_in_Lappeenranta_gets_school_steps_and_the_towns_S2_teaching()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await JustArrivedPathTests.OnboardAsync(bot, t["role.family"], "Lappeenranta");

        var walk = await WalkAsync(bot, t, "family", Answers(bot, "en", ("family.children.ask", "family.children.school")));

        var slugs = walk.EntrySlugs();
        Assert.Contains("guide-start-school", slugs);
        Assert.Contains("preparatory-education", slugs);
        Assert.Contains("lappeenranta-finnish-in-schools", slugs);
        Assert.DoesNotContain("s2-finnish-at-school", slugs);
        Assert.DoesNotContain("guide-apply-for-daycare", slugs);
        // "Yes", an adult looks for work: the employment services of the town.
        Assert.Contains("lappeenranta-employment-services", slugs);
    }

    [Fact]
    public async Task Family_with_small_children_in_Kotka_gets_daycare_but_no_school()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await JustArrivedPathTests.OnboardAsync(bot, t["role.family"], "Kotka");

        var walk = await WalkAsync(bot, t, "family");

        var slugs = walk.EntrySlugs();
        Assert.Contains("guide-apply-for-daycare", slugs);
        Assert.DoesNotContain("guide-start-school", slugs);
        Assert.Contains("kotka-employment-services", slugs);
    }

    [Fact]
    public async Task Learn_finnish_shows_a_Kouvola_beginner_the_towns_courses_and_library()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await JustArrivedPathTests.OnboardAsync(bot, t["role.jobseeker"], "Kouvola");

        var walk = await WalkAsync(bot, t, "finnish");

        var slugs = walk.EntrySlugs();
        Assert.Contains("finnish-courses", slugs);
        Assert.Contains("kouvola-finnish-courses", slugs);
        Assert.Contains("kouvola-libraries", slugs);
        Assert.DoesNotContain("lappeenranta-joutseno-finnish-course", slugs);
    }

    [Fact]
    public async Task Learn_finnish_does_not_offer_a_good_speaker_in_Lappeenranta_a_course_that_stops_at_B1()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await JustArrivedPathTests.OnboardAsync(bot, t["role.graduate"], "Lappeenranta");

        var beginner = await WalkAsync(bot, t, "finnish");
        Assert.Contains("lappeenranta-joutseno-finnish-course", beginner.EntrySlugs());

        await using var other = DialogTestClient.ForKokka(output);
        await JustArrivedPathTests.OnboardAsync(other, t["role.graduate"], "Lappeenranta");
        var good = await WalkAsync(other, t, "finnish", Answers(other, "en", ("finnish.level.ask", "finnish.level.good")));
        Assert.DoesNotContain("lappeenranta-joutseno-finnish-course", good.EntrySlugs());
        Assert.Contains(JustArrivedPathTests.PathTexts(other).Get("en", "finnish.good"), good.Texts());
    }

    [Fact]
    public async Task Health_starts_with_112_and_116117_and_sends_a_degree_student_to_FSHS()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        var p = JustArrivedPathTests.PathTexts(bot);
        await JustArrivedPathTests.OnboardAsync(bot, t["role.student"], "Kotka");

        var first = await bot.SendAsync(t["menu.health"]);
        Assert.Equal(p.Get("en", "health.safety"), first[0].Text);
        Assert.Contains("112", first[0].Text);
        Assert.Contains("116117", first[0].Text);

        var walk = await WalkAsync(bot, t, first);
        var slugs = walk.EntrySlugs();
        Assert.Equal(["fshs", "student-healthcare-fee"], slugs.Take(2));
        Assert.DoesNotContain("kotka-health-care", slugs);
        Assert.Contains("kotka-emergency-care", slugs);
        Assert.Contains("student-mental-health", slugs);
    }

    [Fact]
    public async Task Health_sends_an_Imatra_job_seeker_to_Ekhva_and_the_emergency_care_of_Imatra()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        var p = JustArrivedPathTests.PathTexts(bot);
        await JustArrivedPathTests.OnboardAsync(bot, t["role.jobseeker"], "Imatra");

        var walk = await WalkAsync(bot, t, "health");

        Assert.DoesNotContain(p.Get("en", "health.studies.ask"), walk.Texts());
        var slugs = walk.EntrySlugs();
        Assert.Contains("imatra-health-care", slugs);
        Assert.Contains("imatra-emergency-care", slugs);
        Assert.DoesNotContain("fshs", slugs);
        Assert.DoesNotContain("kymenlaakso-dental-emergency", slugs);
    }

    [Fact]
    public async Task Meet_people_shows_a_Lappeenranta_student_the_student_unions_of_LUT_and_LAB()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await JustArrivedPathTests.OnboardAsync(bot, t["role.student"], "Lappeenranta");

        var slugs = (await WalkAsync(bot, t, "people")).EntrySlugs();

        Assert.Contains("lappeenranta-ltky-student-union", slugs);
        Assert.Contains("lappeenranta-koe-student-union", slugs);
        Assert.Contains("south-karelia-heili-libraries", slugs);
    }

    [Fact]
    public async Task Meet_people_shows_a_Kotka_job_seeker_multilingual_Kotka_but_no_student_union()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await JustArrivedPathTests.OnboardAsync(bot, t["role.jobseeker"], "Kotka");

        var slugs = (await WalkAsync(bot, t, "people")).EntrySlugs();

        Assert.Contains("kotka-multilingual-community", slugs);
        Assert.Contains("kotka-library", slugs);
        Assert.DoesNotContain("kymenlaakso-student-union-kaakko", slugs);
    }

    [Fact]
    public async Task Stay_after_graduation_leads_a_non_eu_graduate_in_Kouvola_from_the_permit_to_citizenship()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        var t = bot.Texts();
        await JustArrivedPathTests.OnboardAsync(bot, t["role.graduate"], "Kouvola");

        var slugs = (await WalkAsync(bot, t, "stay", Answers(bot, "en", ("stay.citizenship.ask", "stay.citizenship.non-eu")))).EntrySlugs();

        Assert.Equal("guide-extend-residence-permit", slugs[0]);
        Assert.Contains("talent-boost", slugs);
        Assert.Contains("kouvola-employment-services", slugs);
        Assert.Contains("kouvola-international-services", slugs);
        Assert.Equal("finnish-citizenship", slugs[^1]);
    }

    [Fact]
    public async Task Stay_after_graduation_does_not_send_an_eu_citizen_to_a_residence_permit()
    {
        await using var bot = DialogTestClient.ForKokka(output, locale: "fi-FI");
        var t = bot.Texts("fi");
        await JustArrivedPathTests.OnboardAsync(bot, t["role.graduate"], "Lappeenranta");

        var slugs = (await WalkAsync(bot, t, "stay", Answers(bot, "fi", ("stay.citizenship.ask", "stay.citizenship.eu")))).EntrySlugs();

        Assert.DoesNotContain("guide-extend-residence-permit", slugs);
        Assert.Contains("lappeenranta-employment-services", slugs);
    }

    /// <summary>Answers to particular questions of a walk, by text key: question → the button to tap.</summary>
    private static Dictionary<string, string> Answers(DialogTestClient bot, string language, params (string Question, string Answer)[] answers)
    {
        var p = JustArrivedPathTests.PathTexts(bot);
        return answers.ToDictionary(a => p.Get(language, a.Question), a => p.Get(language, a.Answer), StringComparer.Ordinal);
    }

    /// <summary>Taps a menu item and walks its path back to the menu.</summary>
    private static async Task<IReadOnlyList<Activity>> WalkAsync(DialogTestClient bot, TextSet t, string menu, IReadOnlyDictionary<string, string>? answers = null) =>
        await WalkAsync(bot, t, await bot.SendAsync(t[$"menu.{menu}"]), answers);

    /// <summary>
    /// Goes on from the replies so far until the menu comes back: the given answer where a question has
    /// one, else "Done" on a checklist item, the first button of a question, or a short text.
    /// </summary>
    private static async Task<IReadOnlyList<Activity>> WalkAsync(DialogTestClient bot, TextSet t, IReadOnlyList<Activity> replies, IReadOnlyDictionary<string, string>? answers = null)
    {
        var walk = new List<Activity>(replies);
        for (var turn = 1; ; turn++)
        {
            var last = replies.LastOrDefault(r => r.Type == ActivityTypes.Message);
            Assert.NotNull(last);
            if (last.Text == t["menu.prompt.again"])
                return walk;
            Assert.True(turn <= MaxTurns, $"The path did not come back to the menu in {MaxTurns} turns; last: '{last.Text}'.");
            var buttons = last.Buttons();
            var answer = answers is not null && last.Text is not null && answers.TryGetValue(last.Text, out var given) ? given
                : buttons.Contains(t["path.done"]) ? t["path.done"]
                : buttons.Count > 0 ? buttons[0]
                : "Kotka";
            replies = await bot.SendAsync(answer);
            walk.AddRange(replies);
        }
    }
}
