using KokkaBot.Conversation;
using KokkaBot.Conversation.Texts;

namespace KokkaBot.Tests.Conversation;

public class BotTextsTests
{
    private readonly BotTexts _texts = new();

    [Fact]
    public void Finnish_has_every_text_that_english_has()
    {
        var english = _texts.Raw("en").Keys.ToHashSet();
        var finnish = _texts.Raw("fi").Keys.ToHashSet();

        Assert.Empty(english.Except(finnish));
        Assert.Empty(finnish.Except(english));
    }

    [Fact]
    public void Every_language_we_offer_has_texts() =>
        Assert.All(Languages.All, language => Assert.True(_texts.Has(language.Code), language.Code));

    [Fact]
    public void Placeholders_are_the_same_in_every_language()
    {
        foreach (var (key, english) in _texts.Raw("en"))
        {
            var finnish = _texts.Raw("fi")[key];
            Assert.Equal(Placeholders(english), Placeholders(finnish));
        }

        static string[] Placeholders(string text) =>
            System.Text.RegularExpressions.Regex.Matches(text, @"\{\w+\}").Select(m => m.Value).Order().ToArray();
    }

    [Fact]
    public void Every_menu_area_and_role_has_a_label()
    {
        var english = _texts.For("en");
        foreach (var area in MainMenu.Areas)
            Assert.False(string.IsNullOrWhiteSpace(english[$"menu.{area}"]));
        foreach (var role in OnboardingDialog.Roles)
            Assert.False(string.IsNullOrWhiteSpace(english[$"role.{role}"]));
    }

    [Fact]
    public void A_missing_language_falls_back_to_english() =>
        Assert.Equal(_texts.For("en")["greeting"], _texts.For("xx")["greeting"]);
}
