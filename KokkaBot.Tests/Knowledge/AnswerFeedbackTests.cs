using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Storage;
using KokkaBot.Staff;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.Knowledge;

/// <summary>Answer feedback on the embedded SQLite file.</summary>
public sealed class AnswerFeedbackTests() : AnswerFeedbackContract("sqlite");

/// <summary>The same on PostgreSQL (the server .ci/run starts; skipped, visibly, elsewhere).</summary>
public sealed class AnswerFeedbackOnPostgresTests() : AnswerFeedbackContract("postgres");

/// <summary>Students' thumbs up and down on answers, kept and summed per entry for coordinators.</summary>
public abstract class AnswerFeedbackContract(string provider) : IDisposable
{
    private static readonly DateTime Start = new(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);
    private readonly KnowledgeTestBase _kb = new(provider);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _kb.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Without_feedback_the_summary_is_empty()
    {
        Assert.Empty(await _kb.Editor.FeedbackAsync(100, Ct));
    }

    [Fact]
    public async Task Feedback_is_summed_per_entry_with_the_most_unhelpful_first_and_its_latest_unhelpful_questions()
    {
        await RecordAsync("tax-card", helpful: true, "How do I get a tax card?", minute: 0);
        await RecordAsync("tax-card", helpful: false, "tax card for summer job", minute: 1, language: "fi", town: "kotka");
        await RecordAsync("tax-card", helpful: true, "verokortti", minute: 2, language: "fi");
        await RecordAsync("library-card", helpful: false, "library card kotka", minute: 3);
        await RecordAsync("library-card", helpful: false, "بطاقة المكتبة", minute: 4, language: "ar", town: "hamina");
        await RecordAsync("kela", helpful: true, "What is Kela?", minute: 5);

        var summary = await _kb.Editor.FeedbackAsync(100, Ct);

        Assert.Equal(["library-card", "tax-card", "kela"], summary.Select(s => s.Slug));
        var library = summary[0];
        Assert.Equal((0, 2), (library.Helpful, library.NotHelpful));
        Assert.Equal(Start.AddMinutes(4), library.LastAt);
        Assert.Equal(["بطاقة المكتبة", "library card kotka"], library.NotHelpfulQuestions.Select(q => q.Question));
        Assert.Equal(new FeedbackQuestion("بطاقة المكتبة", "ar", "hamina", Start.AddMinutes(4)), library.NotHelpfulQuestions[0]);
        var tax = summary[1];
        Assert.Equal((2, 1), (tax.Helpful, tax.NotHelpful));
        Assert.Equal(Start.AddMinutes(2), tax.LastAt);
        Assert.Equal(new FeedbackQuestion("tax card for summer job", "fi", "kotka", Start.AddMinutes(1)), Assert.Single(tax.NotHelpfulQuestions));
        var kela = summary[2];
        Assert.Equal((1, 0), (kela.Helpful, kela.NotHelpful));
        Assert.Empty(kela.NotHelpfulQuestions);
    }

    [Fact]
    public async Task Only_the_latest_few_unhelpful_questions_are_listed_and_take_limits_the_entries()
    {
        for (var i = 0; i < 8; i++)
            await RecordAsync("tax-card", helpful: false, $"question {i}", minute: i);
        await RecordAsync("kela", helpful: false, "What is Kela?", minute: 20);

        var summary = await _kb.Editor.FeedbackAsync(1, Ct);

        var tax = Assert.Single(summary);
        Assert.Equal("tax-card", tax.Slug);
        Assert.Equal(8, tax.NotHelpful);
        Assert.Equal(["question 7", "question 6", "question 5", "question 4", "question 3"], tax.NotHelpfulQuestions.Select(q => q.Question));
    }

    private Task RecordAsync(string slug, bool helpful, string question, int minute, string language = "en", string? town = null) =>
        _kb.Editor.RecordFeedbackAsync(new AnswerFeedback
        {
            Slug = slug,
            Helpful = helpful,
            Question = question,
            Language = language,
            Town = town,
            At = Start.AddMinutes(minute),
        }, Ct);
}

/// <summary><c>GET /api/knowledge/feedback</c> and <c>/coordinator/feedback</c> over real HTTP with real sign-in.</summary>
public sealed class AnswerFeedbackApiTests : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private KokkaTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await KokkaTestHost.StartAsync();
        await _host.CreateStaffAsync("coordinator@example.fi", Password, StaffRoles.Coordinator);
        var editor = _host.Services.GetRequiredService<KnowledgeEditor>();
        var at = new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);
        await editor.RecordFeedbackAsync(new AnswerFeedback { Slug = "tax-card", Helpful = true, Question = "tax card", Language = "en", At = at }, Ct);
        await editor.RecordFeedbackAsync(new AnswerFeedback { Slug = "tax-card", Helpful = false, Question = "tax card for my summer job", Language = "en", Town = "kotka", At = at.AddMinutes(1) }, Ct);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_coordinator_gets_the_feedback_per_entry()
    {
        using var coordinator = await _host.SignedInClientAsync("coordinator@example.fi", Password);

        var summary = await coordinator.GetFromJsonAsync<List<FeedbackSummary>>("api/knowledge/feedback?take=10", JsonSerializerOptions.Web, Ct);

        var tax = Assert.Single(summary!);
        Assert.Equal(("tax-card", 1, 1), (tax.Slug, tax.Helpful, tax.NotHelpful));
        Assert.Equal("tax card for my summer job", Assert.Single(tax.NotHelpfulQuestions).Question);
    }

    [Fact]
    public async Task A_coordinator_sees_the_feedback_page_with_a_link_to_the_entry()
    {
        using var coordinator = await _host.SignedInClientAsync("coordinator@example.fi", Password);

        using var response = await coordinator.GetAsync("coordinator/feedback", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("href=\"/coordinator/entries/tax-card\"", html, StringComparison.Ordinal);
        Assert.Contains("tax card for my summer job", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/coordinator/feedback\" aria-current=\"page\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_sign_in_the_api_answers_401_and_the_page_redirects_to_sign_in()
    {
        using var api = await _host.Http.GetAsync("api/knowledge/feedback", Ct);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.BaseAddress };
        using var page = await anonymous.GetAsync("coordinator/feedback", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/staff/signin", page.Headers.Location!.PathAndQuery);
    }
}
