using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KokkaBot.Knowledge.Content;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Exchange;
using KokkaBot.Knowledge.Model;
using KokkaBot.Pages.Coordinator;
using KokkaBot.Staff;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KokkaBot.Tests.Browser;

/// <summary>The coordinator's knowledge base editor at <c>/coordinator</c>, in Chromium and over HTTP.</summary>
public sealed partial class CoordinatorEditorTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private KokkaTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await KokkaTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private KnowledgeEditor Editor => _host.Services.GetRequiredService<KnowledgeEditor>();

    [Fact]
    public async Task A_coordinator_writes_an_entry_fixes_a_bad_address_publishes_it_and_finds_it_in_the_list_and_the_bot()
    {
        await _host.CreateStaffAsync("kaisa@kotka.fi", Password, StaffRoles.Coordinator);
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await DesktopPageAsync(browser);
        await SignInAsync(page, "kaisa@kotka.fi");

        await page.GetByRole(AriaRole.Link, new() { Name = "New entry" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New entry", Level = 1 })).ToBeVisibleAsync();

        const string slug = "kotka-moonlight-sauna";
        await page.GetByLabel("Slug", new() { Exact = true }).FillAsync(slug);
        await page.GetByLabel("Category").SelectOptionAsync("community");
        await page.GetByLabel("Kotka").CheckAsync();
        await page.GetByLabel("Source name").FillAsync("City of Kotka, sports services");
        await page.GetByLabel("Source web address").FillAsync("kotka.fi/sauna");
        await page.GetByLabel("Opening hours").FillAsync("Thu 17–21");

        var english = page.GetByRole(AriaRole.Tabpanel, new() { Name = "English" });
        await english.GetByLabel("Title", new() { Exact = true }).FillAsync("Moonlight sauna evenings in Kotka");
        await english.GetByLabel("Summary").FillAsync("A free public sauna evening for newcomers every Thursday at the Kotka swimming hall.");
        await Expect(english.GetByText("characters left")).ToContainTextAsync($"{EntryValidator.MaxSummaryLength - 84} characters left");
        await english.GetByLabel("Text (Markdown)").FillAsync("Come to the **kuutamosauna** on Thursdays.\n\n- Bring a towel\n- Swimwear is optional\n\n<script>alert('x')</script>");
        await english.GetByLabel("Keywords").FillAsync("sauna, moonlight sauna, swimming hall");

        // The preview follows the typing, before anything is saved.
        await Expect(page.Locator("[data-preview-lang='en'] .bot-card-title")).ToHaveTextAsync("Moonlight sauna evenings in Kotka");

        // The tabs work from the keyboard: arrow right from English selects Finnish.
        await page.GetByRole(AriaRole.Tab, new() { Name = "English" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        var finnishTab = page.GetByRole(AriaRole.Tab, new() { Name = "Finnish" });
        await Expect(finnishTab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(finnishTab).ToBeFocusedAsync();

        var finnish = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Finnish" });
        await finnish.GetByLabel("Title", new() { Exact = true }).FillAsync("Kuutamosauna Kotkassa");
        await finnish.GetByLabel("Summary").FillAsync("Maksuton yleinen saunailta uusille asukkaille joka torstai Kotkan uimahallissa.");
        await finnish.GetByLabel("Text (Markdown)").FillAsync("Tule **kuutamosaunaan** torstaisin.\n\n- Ota pyyhe mukaan");
        await finnish.GetByLabel("Keywords").FillAsync("kuutamosauna, sauna, uimahalli");

        // First the bad address: refused, next to the field and in the summary, and nothing typed is lost.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("not saved");
        await Expect(summary).ToContainTextAsync("'kotka.fi/sauna' is not a web address");
        var sourceUrl = page.GetByLabel("Source web address");
        await Expect(sourceUrl).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#f-source-url-problem")).ToContainTextAsync("starting with https://");
        await Expect(page.Locator("#f-content-fi-title")).ToHaveValueAsync("Kuutamosauna Kotkassa");
        await Expect(page.Locator("#f-content-en-body")).ToHaveValueAsync(new Regex("^Come to the \\*\\*kuutamosauna\\*\\*"));
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Finnish" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "coordinator-edit-invalid.png") });

        await sourceUrl.FillAsync("https://www.kotka.fi/en/sauna");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/coordinator/entries/{slug}"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Created as a draft");
        await Expect(page.Locator(".entry-meta .status")).ToHaveTextAsync("Draft");

        // Publishing with an unsaved change saves it first: nothing typed is dropped.
        await page.GetByRole(AriaRole.Tabpanel, new() { Name = "Finnish" }).GetByLabel("Keywords").FillAsync("kuutamosauna, sauna, uimahalli, saunailta");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your changes are saved. The entry is published: the bot uses it now.");
        Assert.Contains("saunailta", (await Editor.GetAsync(slug, Ct))!.Text("fi")!.Keywords);
        await Expect(page.Locator(".entry-meta .status")).ToHaveTextAsync("Published");

        // The preview shows the Finnish tab as the bot will: Markdown rendered, raw HTML not, the source line.
        var preview = page.Locator("[data-preview-lang='fi']");
        await Expect(preview).ToBeVisibleAsync();
        await Expect(preview.Locator(".bot-card-title")).ToHaveTextAsync("Kuutamosauna Kotkassa");
        await Expect(preview.Locator(".bot-card-body strong")).ToHaveTextAsync("kuutamosaunaan");
        await Expect(preview.Locator(".bot-card-source")).ToContainTextAsync("Source: City of Kotka, sports services");
        await Expect(preview.Locator(".bot-card-source")).ToContainTextAsync("· checked");
        var englishPreview = page.Locator("[data-preview-lang='en'] .bot-card-body");
        Assert.DoesNotContain("<script", await englishPreview.InnerHTMLAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling at 1024 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "coordinator-edit.png") });

        // (a) The coordinator's list finds it by a Finnish word.
        await page.GotoAsync(Url("coordinator"));
        await page.GetByLabel("Search (any language)").FillAsync("kuutamosauna");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("q=kuutamosauna"));
        var firstRow = page.Locator("table.entries tbody tr").First;
        await Expect(firstRow).ToContainTextAsync(slug);
        await Expect(firstRow).ToContainTextAsync("Published");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "coordinator-list.png") });

        // (b) The bot's own search, in Finnish, answers with it first.
        var response = await page.APIRequest.GetAsync(Url("api/knowledge/search?q=kuutamosauna&lang=fi"));
        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal(slug, json.RootElement.GetProperty("hits")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_the_conflict_the_typed_text_stays_and_saving_again_goes_on_top()
    {
        await _host.CreateStaffAsync("olli@kotka.fi", Password, StaffRoles.Coordinator);
        const string slug = "kotka-conflict-test";
        var created = await Editor.CreateAsync(ValidEntry(slug), new Editor("setup"), Ct);
        Assert.True(created.Succeeded, created.Message);

        await using var browser = await Support.Browser.LaunchAsync();
        var first = await DesktopPageAsync(browser);
        await SignInAsync(first, "olli@kotka.fi");
        var second = await first.Context.NewPageAsync();
        await first.GotoAsync(Url($"coordinator/entries/{slug}"));
        await second.GotoAsync(Url($"coordinator/entries/{slug}"));
        await Expect(second.Locator("#form-version")).ToHaveValueAsync("1");

        await first.GetByRole(AriaRole.Tabpanel, new() { Name = "English" }).GetByLabel("Summary").FillAsync("Saved first, from the other window.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: version 2");

        const string typed = "My title, typed on the stale page";
        await second.GetByRole(AriaRole.Tabpanel, new() { Name = "English" }).GetByLabel("Title", new() { Exact = true }).FillAsync(typed);
        await second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("saved this entry (version 2) after you opened it");
        await Expect(second.Locator("#f-content-en-title")).ToHaveValueAsync(typed);
        var conflict = second.Locator("section.conflict");
        await Expect(conflict).ToContainTextAsync("English: title");
        await Expect(conflict).ToContainTextAsync("English: summary");
        await Expect(conflict).ToContainTextAsync(typed);
        await Expect(second.Locator("#form-version")).ToHaveValueAsync("2");
        Assert.Equal("Saved first, from the other window.", (await Editor.GetAsync(slug, Ct))!.Text("en")!.Summary);
        await second.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "coordinator-conflict.png") });

        // Saving again puts the typed version on top of version 2.
        await second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: version 3");
        var saved = await Editor.GetAsync(slug, Ct);
        Assert.Equal(typed, saved!.Text("en")!.Title);
        Assert.Equal(3, saved.Version);
    }

    [Fact]
    public async Task History_compares_two_versions_field_by_field_and_rolls_back_after_a_confirm()
    {
        await _host.CreateStaffAsync("riikka@kotka.fi", Password, StaffRoles.Coordinator);
        const string slug = "kotka-history-test";
        var entry = ValidEntry(slug);
        Assert.True((await Editor.CreateAsync(entry, new Editor("setup"), Ct)).Succeeded);
        var changed = ValidEntry(slug);
        changed.Text("en")!.Title = "A changed title";
        Assert.True((await Editor.UpdateAsync(slug, changed, 1, new Editor("setup"), Ct)).Succeeded);

        await using var browser = await Support.Browser.LaunchAsync();
        var page = await DesktopPageAsync(browser);
        await SignInAsync(page, "riikka@kotka.fi");
        await page.GotoAsync(Url($"coordinator/entries/{slug}/history"));

        var comparison = page.Locator("section.compare");
        await Expect(comparison).ToContainTextAsync("From version 1 to version 2");
        await Expect(comparison).ToContainTextAsync("English: title");
        await Expect(comparison).ToContainTextAsync("A changed title");

        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back to this version" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rolled back to version 1: the entry is now version 3");
        Assert.Contains("Roll back to version 1?", asked, StringComparison.Ordinal);
        Assert.Equal("Kotka test entry", (await Editor.GetAsync(slug, Ct))!.Text("en")!.Title);
    }

    [Fact]
    public async Task An_import_reports_what_was_created_and_what_was_rejected_and_why()
    {
        await _host.CreateStaffAsync("ilona@kotka.fi", Password, StaffRoles.Coordinator);
        var good = EntryDocument.From(ValidEntry("kotka-imported-entry"));
        var bad = EntryDocument.From(ValidEntry("kotka-imported-bad")) with { Category = "nonsense" };
        var yaml = KnowledgeYaml.Write([good, bad]);

        await using var browser = await Support.Browser.LaunchAsync();
        var page = await DesktopPageAsync(browser);
        await SignInAsync(page, "ilona@kotka.fi");
        await page.GotoAsync(Url("coordinator/exchange"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" })).ToHaveAttributeAsync("href", "/api/knowledge/export?format=csv");
        var yamlLink = await page.GetByRole(AriaRole.Link, new() { Name = "Download as YAML" }).GetAttributeAsync("href");
        var export = await page.APIRequest.GetAsync(Url(yamlLink!.TrimStart('/')));
        Assert.Equal(200, export.Status);
        Assert.Contains("- slug: ", await export.TextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("File (YAML or CSV").SetInputFilesAsync(new FilePayload { Name = "entries.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(yaml) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        var report = page.Locator("table.report");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 created, 0 updated, 0 unchanged, 1 rejected");
        await Expect(report).ToContainTextAsync("kotka-imported-bad");
        await Expect(report).ToContainTextAsync("category: Choose one of the categories");
        Assert.NotNull(await Editor.GetAsync("kotka-imported-entry", Ct));
        Assert.Null(await Editor.GetAsync("kotka-imported-bad", Ct));
    }

    [Fact]
    public async Task An_admin_creates_an_account_and_unlocks_one_locked_by_failed_sign_ins()
    {
        await _host.CreateStaffAsync("admin@kokkabot.fi", Password, StaffRoles.Admin);
        await _host.CreateStaffAsync("locked@kotka.fi", Password, StaffRoles.Advisor);
        using (var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _host.BaseAddress })
        {
            for (var i = 0; i < 5; i++)
            {
                var form = await stranger.GetStringAsync("staff/signin", Ct);
                using var post = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["email"] = "locked@kotka.fi",
                    ["password"] = "not the password at all",
                    ["__RequestVerificationToken"] = Token(form),
                });
                using var _ = await stranger.PostAsync("staff/signin", post, Ct);
            }
        }

        await using var browser = await Support.Browser.LaunchAsync();
        var page = await DesktopPageAsync(browser);
        await SignInAsync(page, "admin@kokkabot.fi");
        await page.GotoAsync(Url("staff/accounts"));

        var lockedRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "locked@kotka.fi" });
        await Expect(lockedRow).ToContainTextAsync("Locked");
        await lockedRow.GetByRole(AriaRole.Button, new() { Name = "Unlock" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Unlocked locked@kotka.fi");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "locked@kotka.fi" })).Not.ToContainTextAsync("Locked");

        await page.GetByLabel("E-mail").FillAsync("hanna@hamina.fi");
        await page.GetByLabel("Name").FillAsync("Hanna Hamina");
        await page.GetByLabel("Role").SelectOptionAsync(StaffRoles.Coordinator);
        await page.GetByLabel("Hamina").CheckAsync();
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least 12 characters");
        await Expect(page.GetByLabel("E-mail")).ToHaveValueAsync("hanna@hamina.fi");

        await page.GetByLabel("Password").FillAsync("a long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Created the account hanna@hamina.fi (Coordinator)");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "hanna@hamina.fi" })).ToContainTextAsync("Hamina");

        // The new coordinator signs in and is limited to Hamina.
        using var hanna = await _host.SignedInClientAsync("hanna@hamina.fi", "a long enough passphrase");
        var newEntry = await hanna.GetStringAsync("coordinator/entries/new", Ct);
        Assert.Contains("You edit entries of Hamina", newEntry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_and_the_editor_fit_a_phone()
    {
        await _host.CreateStaffAsync("mobile@kotka.fi", Password, StaffRoles.Coordinator);
        var seeded = (await Editor.ListAsync(new EntryFilter(), Ct))[0].Slug;
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.NewPhonePageAsync();
        await SignInAsync(page, "mobile@kotka.fi");

        foreach (var path in new[] { "coordinator", $"coordinator/entries/{seeded}", $"coordinator/entries/{seeded}/history", "coordinator/review", "coordinator/exchange" })
        {
            await page.GotoAsync(Url(path));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path}: no sideways scrolling on a phone");
        }
        await page.GotoAsync(Url($"coordinator/entries/{seeded}"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, "coordinator-edit-phone.png") });
    }

    [Fact]
    public async Task Every_coordinator_page_answers_and_others_are_kept_out()
    {
        await _host.CreateStaffAsync("coordinator@kotka.fi", Password, StaffRoles.Coordinator);
        await _host.CreateStaffAsync("advisor@kotka.fi", Password, StaffRoles.Advisor);
        var seeded = (await Editor.ListAsync(new EntryFilter(), Ct))[0].Slug;
        using var coordinator = await _host.SignedInClientAsync("coordinator@kotka.fi", Password);

        foreach (var (path, text) in new[]
        {
            ("coordinator", "Knowledge base"),
            ("coordinator?q=moona&kind=service&category=community&town=kotka&status=published&missing=sv&overdue=true", "of"),
            ("coordinator?town=national&kind=nonsense&status=nonsense", "Knowledge base"),
            ("coordinator/entries/new", "New entry"),
            ($"coordinator/entries/{seeded}", "Version"),
            ($"coordinator/entries/{seeded}/history", "History"),
            ("coordinator/audit", "seeded"),
            ("coordinator/review", "No link has been checked yet"),
            ("coordinator/unanswered", "No unanswered questions yet"),
            ("coordinator/exchange", "Download as YAML"),
        })
        {
            using var response = await coordinator.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: HTTP {(int)response.StatusCode}");
            Assert.Contains(text, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var missing = await coordinator.GetAsync("coordinator/entries/no-such-entry", Ct))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using (var accounts = await coordinator.GetAsync("staff/accounts", Ct))
            Assert.Equal("/staff/denied", accounts.Headers.Location?.AbsolutePath);

        using var advisor = await _host.SignedInClientAsync("advisor@kotka.fi", Password);
        using (var denied = await advisor.GetAsync("coordinator", Ct))
            Assert.Equal("/staff/denied", denied.Headers.Location?.AbsolutePath);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.BaseAddress };
        using (var signIn = await anonymous.GetAsync("coordinator/entries/new", Ct))
            Assert.Equal("/staff/signin", signIn.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task A_coordinator_limited_to_a_town_is_not_offered_what_the_editor_refuses_and_sees_the_refusal_if_forced()
    {
        await _host.CreateStaffAsync("kotka-only@kotka.fi", Password, StaffRoles.Coordinator, ["kotka"]);
        var nationals = await Editor.ListAsync(new EntryFilter { Town = "national" }, Ct);
        var national = nationals.Count > 0 ? nationals[0].Slug : null;
        Assert.True((await Editor.CreateAsync(ValidEntry("kotka-scope-test"), new Editor("setup"), Ct)).Succeeded);
        using var client = await _host.SignedInClientAsync("kotka-only@kotka.fi", Password);

        if (national is not null)
        {
            var page = await client.GetStringAsync($"coordinator/entries/{national}", Ct);
            Assert.Contains("You can read this entry but not change it", page, StringComparison.Ordinal);
            Assert.DoesNotContain("?handler=save", page, StringComparison.Ordinal);
        }

        var own = await client.GetStringAsync("coordinator/entries/kotka-scope-test", Ct);
        Assert.Contains("?handler=save", own, StringComparison.Ordinal);
        Assert.Matches("id=\"f-town-hamina\"[^>]*disabled", own);

        // A hand-made post that moves the entry to another town is refused by the editor, and the page says why.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(own),
            ["Form.Version"] = "1",
            ["Form.Slug"] = "kotka-scope-test",
            ["Form.Kind"] = "service",
            ["Form.Category"] = "community",
            ["Form.Towns"] = "hamina",
            ["Form.SourceName"] = "test",
            ["Form.Verified"] = "2026-01-01",
            ["Form.ReviewDue"] = "2026-06-01",
        });
        using var response = await client.PostAsync("coordinator/entries/kotka-scope-test?handler=save", form, Ct);
        var refused = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", refused, StringComparison.Ordinal);
        Assert.Contains("You edit entries of kotka only", refused, StringComparison.Ordinal);
        Assert.Equal(["kotka"], (await Editor.GetAsync("kotka-scope-test", Ct))!.Towns);
    }

    [Fact]
    public void The_edit_form_gives_back_every_seed_entry_unchanged()
    {
        var (documents, problems) = KnowledgeContent.LoadSeed();
        Assert.Empty(problems);
        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            var entry = document.ToEntity();
            var (again, readProblems) = EntryForm.From(entry).ToEntry(entry.Status);
            Assert.Empty(readProblems);
            var differences = KnowledgeEditor.Diff(EntryDocument.From(entry), EntryDocument.From(again));
            Assert.True(differences.Count == 0, $"{entry.Slug}: {string.Join("; ", differences.Select(d => $"{d.Field}: '{d.Before}' → '{d.After}'"))}");
        }
    }

    [Fact]
    public void The_preview_renders_markdown_without_raw_html_or_script_links()
    {
        var html = PreviewMarkdown.ToHtml("**bold** <b onclick=x>raw</b> [bad](javascript:alert(1)) [good](https://kotka.fi)").ToString()!;
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://kotka.fi\"", html, StringComparison.Ordinal);
    }

    private static KnowledgeEntry ValidEntry(string slug) => new()
    {
        Slug = slug,
        Kind = EntryKind.Service,
        Category = "community",
        Towns = ["kotka"],
        Source = new SourceInfo { Name = "City of Kotka", Url = "https://www.kotka.fi" },
        Verified = new DateOnly(2026, 1, 1),
        ReviewDue = new DateOnly(2030, 1, 1),
        Texts =
        [
            new EntryText { Language = "en", Title = "Kotka test entry", Summary = "A summary in English.", Body = "A text in English." },
            new EntryText { Language = "fi", Title = "Kotkan testi", Summary = "Tiivistelmä suomeksi.", Body = "Teksti suomeksi." },
        ],
    };

    private string Url(string path) => new Uri(_host.BaseAddress, path).ToString();

    private static async Task<IPage> DesktopPageAsync(Support.Browser browser)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 900 }, Locale = "en-US" });
        return await context.NewPageAsync();
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(Url("staff/signin"));
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/coordinator$|/coordinator\\?|/staff/"));
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
