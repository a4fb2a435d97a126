using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KokkaBot.Knowledge;
using KokkaBot.Knowledge.Exchange;
using KokkaBot.Staff;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Knowledge;

/// <summary>/api/knowledge over real HTTP with real sign-in: who may do what, versions, import and export, OpenAPI.</summary>
public sealed class KnowledgeApiTests : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private KokkaTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await KokkaTestHost.StartAsync();
        await _host.CreateStaffAsync("coordinator@example.fi", Password, StaffRoles.Coordinator);
        await _host.CreateStaffAsync("kotka@example.fi", Password, StaffRoles.Coordinator, ["kotka", "hamina"]);
        await _host.CreateStaffAsync("advisor@example.fi", Password, StaffRoles.Advisor);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_sign_in_the_api_answers_401_and_pages_redirect_to_sign_in()
    {
        using var api = await _host.Http.GetAsync("api/knowledge/entries", Ct);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.BaseAddress };
        using var page = await noRedirect.GetAsync("coordinator", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/staff/signin", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_after_five_tries()
    {
        for (var i = 0; i < 5; i++)
            await Assert.ThrowsAsync<InvalidOperationException>(() => _host.SignedInClientAsync("advisor@example.fi", "wrong password " + i));

        var locked = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.SignedInClientAsync("advisor@example.fi", Password));
        Assert.Contains("failed", locked.Message);
    }

    [Fact]
    public async Task An_advisor_reads_but_cannot_change_anything()
    {
        using var advisor = await _host.SignedInClientAsync("advisor@example.fi", Password);

        using var list = await advisor.GetAsync("api/knowledge/entries?category=tax", Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var create = await advisor.PostAsJsonAsync("api/knowledge/entries", Document("advisor-entry"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        using var publish = await advisor.SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/knowledge/entries/tax-card/archive") { Headers = { IfMatch = { new EntityTagHeaderValue("\"1\"") } } }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
    }

    [Fact]
    public async Task A_coordinator_creates_publishes_and_the_bot_search_finds_it_at_once()
    {
        using var coordinator = await _host.SignedInClientAsync("coordinator@example.fi", Password);

        using var created = await coordinator.PostAsJsonAsync("api/knowledge/entries", Document("kotka-sauna-club", "Kotka sauna club", "Kotkan saunaseura"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/knowledge/entries/kotka-sauna-club", created.Headers.Location!.OriginalString);

        using var publish = await Send(coordinator, HttpMethod.Post, "api/knowledge/entries/kotka-sauna-club/publish", version: 1);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Equal("\"2\"", publish.Headers.ETag!.Tag);

        var search = await coordinator.GetFromJsonAsync<SearchResponse>("api/knowledge/search?q=saunaseura&lang=fi&town=kotka", JsonSerializerOptions.Web, Ct);
        Assert.Equal("kotka-sauna-club", search!.Hits[0].Slug);
        Assert.NotEmpty(search.Hits[0].Why);
    }

    [Fact]
    public async Task A_save_must_name_its_version_and_a_stale_one_gets_409_with_the_current_entry()
    {
        using var coordinator = await _host.SignedInClientAsync("coordinator@example.fi", Password);
        var current = await coordinator.GetFromJsonAsync<EntryResponse>("api/knowledge/entries/tax-card", JsonSerializerOptions.Web, Ct);
        var edited = current!.Entry with { Owner = "tax team" };

        using var noVersion = await coordinator.PutAsJsonAsync("api/knowledge/entries/tax-card", edited, Ct);
        Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);

        using var saved = await Send(coordinator, HttpMethod.Put, "api/knowledge/entries/tax-card", current.Version, edited);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var stale = await Send(coordinator, HttpMethod.Put, "api/knowledge/entries/tax-card", current.Version, edited with { Owner = "someone else" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains("coordinator@example.fi", problem.GetProperty("detail").GetString());
        Assert.Equal("tax team", problem.GetProperty("current").GetProperty("entry").GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Validation_problems_come_back_per_field()
    {
        using var coordinator = await _host.SignedInClientAsync("coordinator@example.fi", Password);
        var bad = Document("bad-entry") with { Contact = new ContactDocument { Url = "www.example.fi", Phone = "call us" } };

        using var response = await coordinator.PostAsJsonAsync("api/knowledge/entries", bad, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("contact.url", out _));
        Assert.True(errors.TryGetProperty("contact.phone", out _));
    }

    [Fact]
    public async Task A_town_coordinator_is_held_to_their_towns_in_the_api_too()
    {
        using var kotka = await _host.SignedInClientAsync("kotka@example.fi", Password);

        using var national = await kotka.PostAsJsonAsync("api/knowledge/entries", Document("new-national"), Ct);
        using var imatra = await kotka.PostAsJsonAsync("api/knowledge/entries", Document("imatra-thing") with { Towns = ["imatra"] }, Ct);
        using var own = await kotka.PostAsJsonAsync("api/knowledge/entries", Document("hamina-thing") with { Towns = ["hamina"] }, Ct);
        using var archiveNational = await Send(kotka, HttpMethod.Post, "api/knowledge/entries/tax-card/archive", version: 1);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Created, HttpStatusCode.Forbidden),
            (national.StatusCode, imatra.StatusCode, own.StatusCode, archiveNational.StatusCode));
    }

    [Fact]
    public async Task Export_and_import_through_the_api_round_trip_and_report_rejections()
    {
        using var coordinator = await _host.SignedInClientAsync("coordinator@example.fi", Password);

        var yaml = await coordinator.GetStringAsync("api/knowledge/export?format=yaml&category=tax", Ct);
        var csv = await coordinator.GetStringAsync("api/knowledge/export?format=csv&category=tax", Ct);
        Assert.StartsWith("- slug:", yaml);
        Assert.StartsWith("slug,kind,category", csv.TrimStart('\uFEFF'));

        using var again = await coordinator.PostAsync("api/knowledge/import?format=yaml", new StringContent(yaml, Encoding.UTF8, "application/yaml"), Ct);
        var report = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.True(report.GetProperty("unchanged").GetInt32() >= 5);

        var broken = csv.Replace(",tax,", ",not-a-category,", StringComparison.Ordinal);
        using var rejected = await coordinator.PostAsync("api/knowledge/import?format=csv", new StringContent(broken, Encoding.UTF8, "text/csv"), Ct);
        var rejection = await rejected.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(rejection.GetProperty("rejected").GetInt32() >= 5);
        Assert.Contains("category", rejection.GetProperty("lines")[0].GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task History_diff_and_rollback_work_through_the_api()
    {
        using var coordinator = await _host.SignedInClientAsync("coordinator@example.fi", Password);
        var current = await coordinator.GetFromJsonAsync<EntryResponse>("api/knowledge/entries/kela", JsonSerializerOptions.Web, Ct);
        using var saved = await Send(coordinator, HttpMethod.Put, "api/knowledge/entries/kela", current!.Version, current.Entry with { Owner = "kela team" });

        var diff = await coordinator.GetFromJsonAsync<JsonElement>($"api/knowledge/entries/kela/diff?from={current.Version}&to={current.Version + 1}", Ct);
        Assert.Equal("owner", diff[0].GetProperty("field").GetString());
        using var rolledBack = await Send(coordinator, HttpMethod.Post, $"api/knowledge/entries/kela/rollback/{current.Version}", current.Version + 1);
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        var history = await coordinator.GetFromJsonAsync<JsonElement>("api/knowledge/entries/kela/history", Ct);
        Assert.Equal($"rolled-back to {current.Version}", history[0].GetProperty("change").GetString());
    }

    [Fact]
    public async Task The_api_is_described_by_openapi()
    {
        var document = JsonDocument.Parse(await _host.Http.GetStringAsync("openapi/v1.json", Ct)).RootElement;

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/knowledge/entries/{slug}", out _));
        Assert.True(paths.TryGetProperty("/api/knowledge/import", out _));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, int version, EntryDocument? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return client.SendAsync(request, Ct);
    }

    private static EntryDocument Document(string slug, string title = "A test entry", string finnishTitle = "Testimerkintä") =>
        EntryDocument.From(KnowledgeTestBase.Entry(slug, title, finnishTitle, slug.StartsWith("kotka", StringComparison.Ordinal) ? ["kotka"] : []));
}
