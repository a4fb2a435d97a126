using KokkaBot.Conversation.Texts;
using KokkaBot.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KokkaBot.Tests.Browser;

/// <summary>The student's page at <c>/</c>: Microsoft's Web Chat in Chromium, talking to our own Direct Line.</summary>
public sealed class WebChatPageTests : IAsyncLifetime
{
    private static readonly BotTexts Texts = new();
    private KokkaTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await KokkaTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_student_sees_the_greeting_taps_the_buttons_and_finishes_onboarding()
    {
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.NewPhonePageAsync();
        var en = Texts.For("en");

        await page.GotoAsync(_host.BaseAddress.ToString());

        await Expect(Bubble(page, "I help newcomers")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await SuggestedAction(page, en["role.student"]).ClickAsync();
        await Expect(Bubble(page, en["town.prompt"])).ToBeVisibleAsync();
        await SuggestedAction(page, "Kotka").ClickAsync();
        await Expect(Bubble(page, en["menu.prompt"])).ToBeVisibleAsync();
        await Expect(SuggestedAction(page, en["menu.work"])).ToBeVisibleAsync();

        // Our echo carried Web Chat's clientActivityID: the student's own messages are shown as sent, not failed.
        await Expect(page.Locator(".webchat__bubble--from-user", new() { HasText = "Kotka" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Send failed")).ToHaveCountAsync(0);

        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "webchat-onboarding.png") });
    }

    [Fact]
    public async Task The_language_picker_switches_the_page_and_the_bot_to_finnish()
    {
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.NewPhonePageAsync();
        var fi = Texts.For("fi");
        await page.GotoAsync(_host.BaseAddress.ToString());
        await Expect(SuggestedAction(page, Texts.For("en")["role.student"])).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await page.GetByLabel("Language", new() { Exact = true }).SelectOptionAsync("fi");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fi");
        await Expect(Bubble(page, fi["language.changed"])).ToBeVisibleAsync();
        await SuggestedAction(page, fi["role.jobseeker"]).ClickAsync();
        await Expect(Bubble(page, fi["town.prompt"])).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "webchat-finnish.png") });
    }

    [Fact]
    public async Task A_finnish_browser_is_greeted_in_finnish_and_a_reload_keeps_the_conversation()
    {
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.NewPhonePageAsync(locale: "fi-FI");
        var fi = Texts.For("fi");

        await page.GotoAsync(_host.BaseAddress.ToString());
        await Expect(Bubble(page, "Hei, olen KokkaBot")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await SuggestedAction(page, fi["role.graduate"]).ClickAsync();
        await Expect(Bubble(page, fi["town.prompt"])).ToBeVisibleAsync();

        await page.ReloadAsync();

        // The same conversation continues: the history is back and the town question still waits for an answer.
        await Expect(Bubble(page, fi["town.prompt"])).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await SuggestedAction(page, "Imatra").ClickAsync();
        await Expect(Bubble(page, fi["menu.prompt"])).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_page_fits_a_phone_and_is_labelled_for_assistive_technology()
    {
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync(_host.BaseAddress.ToString());
        await Expect(SuggestedAction(page, Texts.For("en")["role.student"])).ToBeVisibleAsync(new() { Timeout = 15_000 });

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on a phone");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "KokkaBot" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Language", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToHaveAttributeAsync("aria-label", "Chat with KokkaBot");

        // Keyboard only: type an answer in the send box and press Enter.
        await page.GetByRole(AriaRole.Textbox).First.FillAsync("3");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Bubble(page, Texts.For("en")["town.prompt"])).ToBeVisibleAsync();
    }

    private static ILocator Bubble(IPage page, string text) =>
        page.Locator(".webchat__bubble__content", new() { HasText = text }).Last;

    private static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator(".webchat__suggested-action", new() { HasText = title }).Last;
}
