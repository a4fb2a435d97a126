using System.Text.RegularExpressions;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Conversation;
using KokkaBot.Conversation.Texts;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Conversation;

/// <summary>The six languages: complete texts, and each one can be chosen and is then spoken.</summary>
public partial class LanguagesTests(ITestOutputHelper output)
{
    private static readonly BotTexts Texts = new();

    public static TheoryData<string> Translations => ["fi", "sv", "ru", "uk", "ar"];

    public static TheoryData<string> Codes => [.. Languages.All.Select(l => l.Code)];

    /// <summary>Each language chosen by its button (its own name) and by a word its speakers type.</summary>
    public static TheoryData<string, string> Answers => new()
    {
        { "en", "English" }, { "en", "in english" },
        { "fi", "Suomi" }, { "fi", "suomeksi" },
        { "sv", "Svenska" }, { "sv", "på svenska" },
        { "ru", "Русский" }, { "ru", "по-русски" },
        { "uk", "Українська" }, { "uk", "українською" },
        { "ar", "العربية" }, { "ar", "عربي" },
    };

    [Fact]
    public void The_bot_speaks_six_languages_and_only_arabic_is_written_right_to_left()
    {
        Assert.Equal(["en", "fi", "sv", "ru", "uk", "ar"], Languages.All.Select(l => l.Code));
        Assert.Equal(["ar"], Languages.All.Where(l => l.RightToLeft).Select(l => l.Code));
        Assert.All(Languages.All, l => Assert.True(Texts.Has(l.Code), $"{l.Code}.json is not embedded"));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_english_text_is_translated_with_the_same_placeholders(string language)
    {
        var english = Texts.Raw("en");
        var translated = Texts.Raw(language);

        Assert.Empty(english.Keys.Except(translated.Keys).Order());
        Assert.Empty(translated.Keys.Except(english.Keys).Order());
        Assert.All(english, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(translated[pair.Key]), $"{language}: '{pair.Key}' is empty");
            Assert.True(Placeholders(pair.Value).SequenceEqual(Placeholders(translated[pair.Key])), $"{language}: '{pair.Key}' has other placeholders than English");
        });
    }

    [Fact]
    public void Every_name_and_word_for_a_language_means_that_language_and_no_other()
    {
        var choices = OnboardingDialog.LanguageChoices();
        foreach (var language in Languages.All)
        {
            foreach (var word in language.Synonyms.Prepend(language.NativeName))
                Assert.Equal(language.Code, ChoiceRecognizer.Recognize(word, choices)?.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_language_chosen_during_onboarding_is_spoken_from_the_next_question_to_the_menu(string code, string answer)
    {
        await using var bot = DialogTestClient.ForKokka(output, locale: "de-DE");
        var t = bot.Texts(code);

        var question = (await bot.JoinAsync())[^1];
        Assert.All(Languages.All, l => Assert.Contains(bot.Texts(l.Code)["language.prompt"], question.Text));
        Assert.Equal(Languages.All.Select(l => l.NativeName), question.SuggestedActions!.Actions.Select(a => a.Title));

        var role = Assert.Single(await bot.SendAsync(answer));
        Assert.Equal(t["onboarding.intro"] + "\n\n" + t["role.prompt"], role.Text);
        Assert.Equal(OnboardingDialog.Roles.Select(r => t[$"role.{r}"]), role.SuggestedActions!.Actions.Select(a => a.Title));

        var town = Assert.Single(await bot.SendAsync(t["role.family"]));
        Assert.Equal(t["town.prompt"], town.Text);
        Assert.Equal(t["town.other"], town.SuggestedActions!.Actions[^1].Title);

        var done = await bot.SendAsync("Kotka");
        Assert.Equal([t["onboarding.done"], t["menu.prompt"]], done.Select(a => a.Text));
        Assert.Equal(MainMenu.Areas.Select(a => t[$"menu.{a}"]), done[^1].SuggestedActions!.Actions.Select(a => a.Title));

        var profile = await OnboardingTests.ProfileOf(bot);
        Assert.Equal((code, "family", "kotka"), (profile.Language, profile.Role, profile.Town));
    }

    [Theory]
    [InlineData("sv-SE", "sv")]
    [InlineData("ru-RU", "ru")]
    [InlineData("uk-UA", "uk")]
    [InlineData("ar-SA", "ar")]
    [InlineData("ar-EG", "ar")]
    public async Task A_client_in_a_language_of_ours_is_greeted_in_it_without_being_asked(string locale, string code)
    {
        await using var bot = DialogTestClient.ForKokka(output, locale: locale);
        var t = bot.Texts(code);

        var welcome = await bot.JoinAsync();

        Assert.Equal(t["greeting"] + "\n\n" + t["language.hint"], welcome[0].Text);
        Assert.Contains(t["role.prompt"], welcome[^1].Text);
        Assert.Equal(code, (await OnboardingTests.ProfileOf(bot)).Language);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task The_language_command_offers_all_six_and_the_question_is_asked_again_in_the_one_tapped(string code)
    {
        await using var bot = DialogTestClient.ForKokka(output);
        await bot.JoinAsync();
        await bot.SendAsync(bot.Texts()["role.student"]);

        var offer = Assert.Single(await bot.SendAsync("language"));
        Assert.Equal(Languages.All.Select(l => l.NativeName), offer.SuggestedActions!.Actions.Select(a => a.Title));

        var t = bot.Texts(code);
        var switched = await bot.SendAsync(Languages.Find(code)!.NativeName);
        Assert.Equal([t["language.changed"], t["town.prompt"]], switched.Select(r => r.Text));
        Assert.Equal(t["menu.prompt"], (await bot.SendAsync("Imatra"))[^1].Text);
    }

    private static string[] Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order()];

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex PlaceholderPattern();
}
