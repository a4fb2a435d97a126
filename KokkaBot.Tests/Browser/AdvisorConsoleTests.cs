using System.Net;
using System.Text.RegularExpressions;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation.Texts;
using KokkaBot.Handoff;
using KokkaBot.Staff;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KokkaBot.Tests.Browser;

/// <summary>
/// The advisor console at <c>/advisor</c> in Chromium, beside the student's Web Chat at <c>/</c>:
/// the real bot, queue, SignalR hub and Direct Line on one Kestrel host.
/// </summary>
public sealed partial class AdvisorConsoleTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private static readonly BotTexts Texts = new();
    private KokkaTestHost _host = null!;

    // Kotka's team open around the clock, so that the test does not depend on the hour it runs at.
    public async ValueTask InitializeAsync() => _host = await KokkaTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Handoff:ClosedOnPublicHolidays"] = "false",
        ["Handoff:Teams:0:Hours:Monday"] = "00:00-23:59",
        ["Handoff:Teams:0:Hours:Tuesday"] = "00:00-23:59",
        ["Handoff:Teams:0:Hours:Wednesday"] = "00:00-23:59",
        ["Handoff:Teams:0:Hours:Thursday"] = "00:00-23:59",
        ["Handoff:Teams:0:Hours:Friday"] = "00:00-23:59",
        ["Handoff:Teams:0:Hours:Saturday"] = "00:00-23:59",
        ["Handoff:Teams:0:Hours:Sunday"] = "00:00-23:59",
    });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_student_asks_for_a_person_an_advisor_accepts_they_talk_both_ways_and_the_bot_takes_over_again()
    {
        await CreateAdvisorAsync("anna@kotka.fi", "Anna Advisor");
        var en = Texts.For("en");
        await using var browser = await Support.Browser.LaunchAsync();

        // The advisor's console, with the hub's WebSocket routed through the test so that it can be cut.
        var console = await DesktopPageAsync(browser);
        IWebSocketRoute? hubSocket = null;
        await console.RouteWebSocketAsync(new Regex("/hubs/advisor"), socket =>
        {
            hubSocket = socket;
            socket.ConnectToServer();
        });
        await SignInAsync(console, "anna@kotka.fi");
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Advisor console", Level = 1 })).ToBeVisibleAsync();
        await Expect(console.Locator("#connection-text")).ToHaveTextAsync("Connected", new() { Timeout = 15_000 });
        await Expect(console.GetByText("Nobody is waiting.")).ToBeVisibleAsync();

        // The student onboards in Web Chat and asks for a person.
        var student = await browser.NewPhonePageAsync();
        await student.GotoAsync(_host.BaseAddress.ToString());
        await SuggestedAction(student, en["role.student"]).ClickAsync(new() { Timeout = 15_000 });
        await SuggestedAction(student, "Kotka").ClickAsync();
        await Expect(Bubble(student, en["menu.prompt"])).ToBeVisibleAsync();
        await SayAsync(student, "talk to a person");
        await Expect(Bubble(student, Typographic(en["handoff.reason.ask"]))).ToBeVisibleAsync();
        await SayAsync(student, "I need help with my residence permit");
        await Expect(Bubble(student, Typographic(en["handoff.next"]))).ToBeVisibleAsync();

        // It appears in the queue, with what the advisor needs to choose, and the wait ticks.
        var item = console.Locator(".queue-item", new() { HasText = "I need help with my residence permit" });
        await Expect(item).ToContainTextAsync("English");
        await Expect(item).ToContainTextAsync("Kotka");
        await Expect(item).ToContainTextAsync("MOONA immigrant guidance");
        await Expect(console.Locator("#queue-count")).ToHaveTextAsync("(1)");
        await Expect(console.Locator("#announcer")).ToContainTextAsync("New in the queue: English, Kotka");
        var waited = await item.Locator("time.wait").TextContentAsync();
        await Expect(item.Locator("time.wait")).Not.ToHaveTextAsync(waited!, new() { Timeout = 5_000 });
        await console.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "advisor-queue.png") });

        await item.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        // The conversation opens with who the student is and how they got here; the keyboard is in the message box.
        var messageBox = console.GetByLabel("Message to the student");
        await Expect(messageBox).ToBeFocusedAsync();
        await Expect(console.GetByRole(AriaRole.Tab, new() { Name = "English · Kotka" })).ToHaveAttributeAsync("aria-selected", "true");
        var facts = console.Locator("#conversation-facts");
        await Expect(facts).ToContainTextAsync("English");
        await Expect(facts).ToContainTextAsync("Kotka");
        await Expect(facts).ToContainTextAsync("student");
        await Expect(facts).ToContainTextAsync("I need help with my residence permit");
        var transcript = console.GetByRole(AriaRole.Log);
        await Expect(transcript.Locator(".line.from-user", new() { HasText = "talk to a person" })).ToBeVisibleAsync();
        await Expect(transcript.Locator(".line.from-bot").First).ToBeVisibleAsync();
        await Expect(console.Locator("#queue-count")).ToHaveTextAsync("(0)");
        await Expect(Bubble(student, en["handoff.accepted"].Replace("{advisor}", "Anna Advisor", StringComparison.Ordinal))).ToBeVisibleAsync();

        // Student → advisor: the message appears in the console at once, written the student's way (dir="auto").
        await SayAsync(student, "Hello, is this a real person?");
        var fromStudent = transcript.Locator(".line.from-user", new() { HasText = "Hello, is this a real person?" });
        await Expect(fromStudent).ToBeVisibleAsync();
        await Expect(fromStudent.Locator(".text")).ToHaveAttributeAsync("dir", "auto");

        // Typing shows on both sides: the student's (as the bot side forwards it) in the console, the advisor's in Web Chat.
        var conversationId = await student.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('kokkabot.conversation')).conversationId");
        await _host.Services.GetRequiredService<IHandoffService>().ForwardUserTypingAsync(conversationId, Ct);
        await Expect(console.GetByText("The student is typing…")).ToBeVisibleAsync();

        // Advisor → student: Enter sends, Shift+Enter is a new line.
        await messageBox.PressSequentiallyAsync("Yes! I am Anna from MOONA.");
        await Expect(student.Locator(".webchat__typing-indicator")).ToBeVisibleAsync();
        await messageBox.PressAsync("Shift+Enter");
        await messageBox.PressSequentiallyAsync("Which permit is it about?");
        await messageBox.PressAsync("Enter");
        await Expect(messageBox).ToHaveValueAsync("");
        await Expect(Bubble(student, "Which permit is it about?")).ToBeVisibleAsync();
        await Expect(Bubble(student, "Yes! I am Anna from MOONA.")).ToBeVisibleAsync();
        await Expect(transcript.Locator(".line.from-advisor.is-mine", new() { HasText = "Which permit is it about?" })).ToContainTextAsync("You");

        // An internal note is marked as such and never reaches the student.
        await console.GetByLabel("New internal note").FillAsync("Permit type not yet known; ask for the decision letter.");
        await console.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(console.Locator("#notes-list")).ToContainTextAsync("Permit type not yet known");
        await Expect(console.Locator("#notes-list")).ToContainTextAsync("Internal");
        await Expect(console.GetByLabel("New internal note")).ToHaveValueAsync("");

        // The connection drops: the console says so, reconnects by itself, keeps the draft and catches up.
        await messageBox.FillAsync("A draft about the permit office");
        Assert.NotNull(hubSocket);
        await hubSocket!.CloseAsync(new() { Code = 4000, Reason = "test: network lost" });
        await Expect(console.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 5_000 });
        await SayAsync(student, "It is the permit for studies");
        await Expect(console.Locator("#connection-text")).ToHaveTextAsync("Connected", new() { Timeout = 20_000 });
        await Expect(messageBox).ToHaveValueAsync("A draft about the permit office");
        await Expect(transcript.Locator(".line.from-user", new() { HasText = "It is the permit for studies" })).ToBeVisibleAsync();
        await Expect(console.Locator("#notes-list")).ToContainTextAsync("Permit type not yet known");
        await Expect(Bubble(student, "Permit type not yet known")).ToHaveCountAsync(0);
        Assert.True(await console.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling at 1280 px");
        await console.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "advisor-conversation.png"), FullPage = true });
        await student.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "advisor-webchat-student.png") });

        // End, after a confirmation: the student is with the bot again.
        await console.GetByRole(AriaRole.Button, new() { Name = "End…" }).ClickAsync();
        var confirm = console.GetByRole(AriaRole.Dialog, new() { Name = "End this conversation?" });
        await Expect(confirm).ToBeVisibleAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "End conversation" }).ClickAsync();
        await Expect(Bubble(student, Typographic(en["handoff.ended"]))).ToBeVisibleAsync();
        await Expect(Bubble(student, Typographic(en["handoff.rate"]))).ToBeVisibleAsync();
        await Expect(console.GetByText("No conversation open.")).ToBeVisibleAsync();
        await Expect(console.Locator("#mine-count")).ToHaveTextAsync("(0)");
        await Expect(console.Locator("#announcer")).ToContainTextAsync("The bot has taken over");
        await console.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "advisor-ended.png") });
        await student.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "advisor-webchat-bot-again.png") });
    }

    [Fact]
    public async Task When_two_advisors_reach_for_the_same_student_the_slower_one_is_told_politely_who_has_it()
    {
        await CreateAdvisorAsync("anna@kotka.fi", "Anna Advisor");
        await CreateAdvisorAsync("ben@kotka.fi", "Ben Advisor");
        var en = Texts.For("en");
        await using var browser = await Support.Browser.LaunchAsync();
        var anna = await DesktopPageAsync(browser);
        var ben = await DesktopPageAsync(browser);
        await SignInAsync(anna, "anna@kotka.fi");
        await SignInAsync(ben, "ben@kotka.fi");
        await Expect(anna.Locator("#connection-text")).ToHaveTextAsync("Connected", new() { Timeout = 15_000 });
        await Expect(ben.Locator("#connection-text")).ToHaveTextAsync("Connected", new() { Timeout = 15_000 });

        var student = await browser.NewPhonePageAsync();
        await student.GotoAsync(_host.BaseAddress.ToString());
        await SuggestedAction(student, en["role.student"]).ClickAsync(new() { Timeout = 15_000 });
        await SuggestedAction(student, "Kotka").ClickAsync();
        await SayAsync(student, "talk to a person");
        await Expect(Bubble(student, Typographic(en["handoff.reason.ask"]))).ToBeVisibleAsync();
        await SayAsync(student, "My landlord wants me out");
        var annaItem = anna.Locator(".queue-item", new() { HasText = "My landlord wants me out" });
        var benItem = ben.Locator(".queue-item", new() { HasText = "My landlord wants me out" });
        await Expect(annaItem).ToBeVisibleAsync();
        await Expect(benItem).ToBeVisibleAsync();

        // Ben's console misses the news (as if both clicked in the same instant): the hub's answer tells him.
        await ben.EvaluateAsync("() => { window.kokkaAdvisor.connection.off('HandoffTaken'); window.kokkaAdvisor.connection.off('QueueChanged'); }");
        await annaItem.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(anna.GetByLabel("Message to the student")).ToBeFocusedAsync();
        await benItem.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(benItem.Locator(".taken")).ToHaveTextAsync("Taken by Anna Advisor – the student is in good hands.");
        await Expect(benItem.Locator(".taken")).ToBeFocusedAsync();
        await Expect(ben.Locator("#announcer")).ToContainTextAsync("Anna Advisor has already taken this student");
        await Expect(ben.Locator("#mine-count")).ToHaveTextAsync("(0)");
        await ben.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "advisor-taken.png") });

        // Anna passes the student on to a colleague who is online: Cecilia gets the conversation with its history.
        await CreateAdvisorAsync("cecilia@kotka.fi", "Cecilia Advisor");
        var cecilia = await DesktopPageAsync(browser);
        await SignInAsync(cecilia, "cecilia@kotka.fi");
        await Expect(cecilia.Locator("#connection-text")).ToHaveTextAsync("Connected", new() { Timeout = 15_000 });
        await Expect(cecilia.GetByText("Nobody is waiting.")).ToBeVisibleAsync();
        await SayAsync(student, "Thank you");
        await Expect(anna.GetByRole(AriaRole.Log).Locator(".line.from-user", new() { HasText = "Thank you" })).ToBeVisibleAsync();

        await anna.Keyboard.PressAsync("Alt+Shift+KeyT");
        var transfer = anna.GetByRole(AriaRole.Dialog, new() { Name = "Transfer the conversation" });
        await Expect(transfer.GetByLabel("Team", new() { Exact = true })).ToBeFocusedAsync();
        await transfer.GetByLabel("An advisor").CheckAsync();
        await transfer.GetByLabel("Advisor (online now)").SelectOptionAsync("cecilia@kotka.fi");
        await transfer.GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(transfer).ToBeHiddenAsync();
        await Expect(anna.Locator("#mine-count")).ToHaveTextAsync("(0)");
        await Expect(anna.Locator("#announcer")).ToContainTextAsync("Transferred to Cecilia Advisor");

        await Expect(cecilia.Locator("#mine-count")).ToHaveTextAsync("(1)");
        await Expect(cecilia.Locator("#announcer")).ToContainTextAsync("A conversation was passed to you: English, Kotka");
        var log = cecilia.GetByRole(AriaRole.Log);
        await Expect(log.Locator(".line.from-user", new() { HasText = "Thank you" })).ToBeVisibleAsync();
        await Expect(log.Locator(".line.from-system", new() { HasText = "Anna Advisor passed the conversation to Cecilia Advisor" })).ToBeVisibleAsync();
        await Expect(Bubble(student, en["handoff.accepted"].Replace("{advisor}", "Cecilia Advisor", StringComparison.Ordinal))).ToBeVisibleAsync();
        await cecilia.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "advisor-transferred.png") });
    }

    [Fact]
    public async Task Canned_replies_are_written_inserted_and_deleted_and_a_ticket_left_out_of_hours_is_closed_with_a_note()
    {
        await CreateAdvisorAsync("anna@kotka.fi", "Anna Advisor");
        var reference = new ConversationReference
        {
            ChannelId = "directline",
            Conversation = new ConversationAccount { Id = "ticket-test-conversation" },
            User = new ChannelAccount { Id = "dl_ticket_user" },
            ServiceUrl = _host.BaseAddress.ToString(),
        };
        var handoffs = _host.Services.GetRequiredService<IHandoffService>();
        var ticket = await handoffs.CreateTicketAsync(new TicketRequest(reference, "ar", "kotka", "general", "explicit",
            "أحتاج مساعدة في تصريح الإقامة", "+358 40 123 4567"), Ct);

        await using var browser = await Support.Browser.LaunchAsync();
        var console = await DesktopPageAsync(browser);
        await SignInAsync(console, "anna@kotka.fi");
        await Expect(console.Locator("#connection-text")).ToHaveTextAsync("Connected", new() { Timeout = 15_000 });

        // A canned reply in Finnish, written, edited and shown in its language.
        await console.GetByText("New canned reply").ClickAsync();
        await console.GetByLabel("Title").FillAsync("Opening hours");
        await console.GetByLabel("Language", new() { Exact = true }).Nth(1).SelectOptionAsync("fi");
        await console.GetByLabel("Text", new() { Exact = true }).FillAsync("MOONA palvelee maanantaista perjantaihin.");
        await console.GetByRole(AriaRole.Button, new() { Name = "Save reply" }).ClickAsync();
        var canned = console.Locator(".canned-item", new() { HasText = "Opening hours" });
        await Expect(canned).ToContainTextAsync("MOONA palvelee maanantaista perjantaihin.");
        await Expect(console.Locator("#canned-language")).ToHaveValueAsync("fi");
        await canned.GetByRole(AriaRole.Button, new() { Name = "Edit “Opening hours”" }).ClickAsync();
        await Expect(console.GetByLabel("Title")).ToBeFocusedAsync();
        await console.GetByLabel("Text", new() { Exact = true }).FillAsync("MOONA palvelee ma–pe klo 8–15.30.");
        await console.GetByRole(AriaRole.Button, new() { Name = "Save reply" }).ClickAsync();
        await Expect(canned).ToContainTextAsync("MOONA palvelee ma–pe klo 8–15.30.");
        await Expect(console.Locator(".canned-item")).ToHaveCountAsync(1);
        await console.Locator("#canned-language").SelectOptionAsync("en");
        await Expect(console.Locator(".canned-item")).ToHaveCountAsync(0);
        await console.Locator("#canned-language").SelectOptionAsync("");
        await Expect(canned).ToBeVisibleAsync();

        // Tickets, by keyboard: the Arabic message reads right to left, with the contact given.
        await console.Keyboard.PressAsync("Alt+Shift+Digit2");
        await Expect(console.GetByRole(AriaRole.Tab, new() { Name = "Tickets" })).ToHaveAttributeAsync("aria-selected", "true");
        var item = console.Locator(".ticket", new() { HasText = $"#{ticket}" });
        await Expect(item).ToContainTextAsync("Arabic");
        await Expect(item).ToContainTextAsync("+358 40 123 4567");
        await Expect(item.Locator("blockquote")).ToHaveAttributeAsync("dir", "auto");
        Assert.Equal("rtl", await item.Locator("blockquote").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await console.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "advisor-tickets.png") });

        await item.GetByLabel("Note (optional, for colleagues)").FillAsync("Called back, appointment on Monday.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Close ticket" }).ClickAsync();
        await Expect(console.Locator(".ticket", new() { HasText = $"#{ticket}" })).ToHaveCountAsync(0);
        await Expect(console.GetByText("No open tickets.")).ToBeVisibleAsync();
        await console.GetByLabel("Show closed tickets").CheckAsync();
        var closed = console.Locator(".ticket", new() { HasText = $"#{ticket}" });
        await Expect(closed).ToContainTextAsync("Closed");
        await Expect(closed).ToContainTextAsync("Called back, appointment on Monday.");

        // Back to the live view by keyboard, and the reply deleted after a confirm.
        await console.Keyboard.PressAsync("Alt+Shift+Digit1");
        await Expect(console.GetByRole(AriaRole.Tab, new() { Name = "Live chats" })).ToHaveAttributeAsync("aria-selected", "true");
        console.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await canned.GetByRole(AriaRole.Button, new() { Name = "Delete “Opening hours”" }).ClickAsync();
        await Expect(console.Locator(".canned-item")).ToHaveCountAsync(0);

        // On a phone-sized screen the console is one column, without sideways scrolling.
        await console.SetViewportSizeAsync(390, 844);
        Assert.True(await console.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on a phone");
        await console.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "advisor-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task The_console_is_for_advisors_and_admins_only()
    {
        await _host.CreateStaffAsync("coordinator@kotka.fi", Password, StaffRoles.Coordinator);
        await _host.CreateStaffAsync("advisor@kotka.fi", Password, StaffRoles.Advisor);
        await _host.CreateStaffAsync("admin@kokkabot.fi", Password, StaffRoles.Admin);

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.BaseAddress };
        using (var signIn = await anonymous.GetAsync("advisor", Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("/staff/signin", signIn.Headers.Location?.AbsolutePath);
        }

        using var coordinator = await _host.SignedInClientAsync("coordinator@kotka.fi", Password);
        using (var denied = await coordinator.GetAsync("advisor", Ct))
            Assert.Equal("/staff/denied", denied.Headers.Location?.AbsolutePath);

        foreach (var email in new[] { "advisor@kotka.fi", "admin@kokkabot.fi" })
        {
            using var client = await _host.SignedInClientAsync(email, Password);
            using var page = await client.GetAsync("advisor", Ct);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{email}: HTTP {(int)page.StatusCode}");
            var html = await page.Content.ReadAsStringAsync(Ct);
            Assert.Contains("<h1>Advisor console</h1>", html, StringComparison.Ordinal);
            Assert.Contains("/lib/signalr/signalr.min.js", html, StringComparison.Ordinal);
        }

        // The script library comes from npm at build time, served like the page's own files.
        using (var library = await anonymous.GetAsync("lib/signalr/signalr.min.js", Ct))
            Assert.Equal(HttpStatusCode.OK, library.StatusCode);
    }

    private async Task CreateAdvisorAsync(string email, string displayName, string role = StaffRoles.Advisor)
    {
        using var scope = _host.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, displayName, Password, role, null);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    private string Url(string path) => new Uri(_host.BaseAddress, path).ToString();

    private static async Task<IPage> DesktopPageAsync(Support.Browser browser)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-US" });
        return await context.NewPageAsync();
    }

    /// <summary>Opens the console: the sign-in page comes first and leads back to it.</summary>
    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(Url("advisor"));
        await Expect(page).ToHaveURLAsync(new Regex("/staff/signin"));
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/advisor$"));
    }

    private static async Task SayAsync(IPage student, string text)
    {
        var box = student.GetByRole(AriaRole.Textbox).First;
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>The part of a bot text before its first quote mark: Web Chat's Markdown prints quotes typographically.</summary>
    private static string Typographic(string text) => text[..(text.IndexOfAny(['"', '\'']) is var at and >= 0 ? at : text.Length)];

    private static ILocator Bubble(IPage page, string text) =>
        page.Locator(".webchat__bubble__content", new() { HasText = text }).Last;

    private static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator(".webchat__suggested-action", new() { HasText = title }).Last;
}
