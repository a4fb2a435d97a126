using KokkaBot.Conversation.Texts;
using KokkaBot.Knowledge.Search;
using KokkaBot.ServicePaths;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KokkaBot.Tests.Browser;

/// <summary>A guided path and a typed question in Microsoft's Web Chat: Adaptive Cards rendered, buttons and card actions answered.</summary>
public sealed class ServicePathWebChatTests : IAsyncLifetime
{
    private static readonly BotTexts Texts = new();
    private KokkaTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await KokkaTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_student_walks_the_first_steps_of_just_arrived_with_the_entry_cards()
    {
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.NewPhonePageAsync();
        var en = Texts.For("en");
        var paths = _host.Services.GetRequiredService<ServicePathCatalog>().Texts;
        await OnboardAsync(page, en, "Lappeenranta");

        await SuggestedAction(page, en["menu.arrived"]).ClickAsync();
        await SuggestedAction(page, paths.Get("en", "arrived.citizenship.non-eu")).ClickAsync();

        await Expect(Card(page, Title("guide-apply-residence-permit"))).ToBeVisibleAsync();
        await Expect(Bubble(page, paths.Get("en", "arrived.item.permit"))).ToBeVisibleAsync();
        await SuggestedAction(page, en["path.done"]).ClickAsync();
        await Expect(Card(page, Title("guide-register-as-resident"))).ToBeVisibleAsync();
        await Expect(Bubble(page, en.Format("path.step", ("number", "2"), ("total", "8")))).ToBeVisibleAsync();
        await Card(page, Title("guide-register-as-resident")).ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "webchat-just-arrived-card.png") });

        await SuggestedAction(page, en["path.later"]).ClickAsync();
        // Web Chat renders the quotes of the message typographically: match the words before them.
        await Expect(Bubble(page, en.Format("path.paused", ("done", "1"), ("total", "8")).Split('"')[0].Trim())).ToBeVisibleAsync();
        await Expect(SuggestedAction(page, en.Format("menu.progress", ("area", en["menu.arrived"]), ("done", "1"), ("total", "8")))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_typed_question_gets_an_answer_card_whose_feedback_button_is_answered()
    {
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.NewPhonePageAsync();
        var en = Texts.For("en");
        await OnboardAsync(page, en, "Imatra");

        await page.GetByRole(AriaRole.Textbox).First.FillAsync("i need a doctor imatra");
        await page.Keyboard.PressAsync("Enter");

        var card = Card(page, Title("imatra-health-care"));
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = en["card.website"] })).ToBeVisibleAsync();
        await card.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "webchat-answer-card.png") });

        // Action.Submit from the card reaches the bot as the message's value.
        await card.GetByRole(AriaRole.Button, new() { Name = en["card.helpful"] }).ClickAsync();
        await Expect(Bubble(page, en["feedback.thanks"])).ToBeVisibleAsync();
        // The menu question comes back, so the student can go on.
        await Expect(Bubble(page, en["menu.prompt"])).ToBeVisibleAsync();
    }

    private string Title(string slug) =>
        _host.Services.GetRequiredService<KnowledgeIndex>().Find(slug)!.Text("en")!.Title!;

    private async Task OnboardAsync(IPage page, TextSet en, string town)
    {
        await page.GotoAsync(_host.BaseAddress.ToString());
        await SuggestedAction(page, en["role.student"]).ClickAsync(new() { Timeout = 15_000 });
        await SuggestedAction(page, town).ClickAsync();
        await Expect(Bubble(page, en["menu.prompt"])).ToBeVisibleAsync();
    }

    private static ILocator Card(IPage page, string title) =>
        page.Locator(".ac-adaptiveCard", new() { HasText = title }).Last;

    private static ILocator Bubble(IPage page, string text) =>
        page.Locator(".webchat__bubble__content", new() { HasText = text }).Last;

    private static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator(".webchat__suggested-action", new() { HasText = title }).Last;
}
