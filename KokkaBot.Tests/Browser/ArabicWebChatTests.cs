using KokkaBot.Conversation.Texts;
using KokkaBot.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KokkaBot.Tests.Browser;

/// <summary>The student's page in Arabic: the page and Web Chat both turn right to left, and the bot speaks Arabic.</summary>
public sealed class ArabicWebChatTests : IAsyncLifetime
{
    private static readonly BotTexts Texts = new();
    private KokkaTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await KokkaTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Picking_arabic_turns_the_page_and_web_chat_right_to_left_and_the_next_visit_is_greeted_in_arabic()
    {
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.NewPhonePageAsync();
        var ar = Texts.For("ar");
        await page.GotoAsync(_host.BaseAddress.ToString());
        await Expect(SuggestedAction(page, Texts.For("en")["role.student"])).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator(".webchat__basic-transcript")).ToHaveAttributeAsync("dir", "ltr");

        await page.GetByLabel("Language", new() { Exact = true }).SelectOptionAsync("ar");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator(".webchat__basic-transcript")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator(".webchat__send-box")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByLabel("اللغة", new() { Exact = true })).ToHaveValueAsync("ar");
        await Expect(Bubble(page, ar["language.changed"])).ToBeVisibleAsync();
        await SuggestedAction(page, ar["role.student"]).ClickAsync();
        await Expect(Bubble(page, ar["town.prompt"])).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling in Arabic either");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "webchat-arabic.png") });

        // Another day, another tab: the page remembers Arabic and the new conversation starts in it.
        var next = await page.Context.NewPageAsync();
        await next.GotoAsync(_host.BaseAddress.ToString());

        await Expect(Bubble(next, ar["greeting"])).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(next.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(next.Locator(".webchat__basic-transcript")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(SuggestedAction(next, ar["role.graduate"])).ToBeVisibleAsync();
    }

    private static ILocator Bubble(IPage page, string text) =>
        page.Locator(".webchat__bubble__content", new() { HasText = text }).Last;

    private static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator(".webchat__suggested-action", new() { HasText = title }).Last;
}
