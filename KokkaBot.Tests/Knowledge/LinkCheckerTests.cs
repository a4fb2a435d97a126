using KokkaBot.Knowledge;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KokkaBot.Tests.Knowledge;

/// <summary>The link checker against web servers on loopback: a good page, a missing page, a server that never answers.</summary>
public sealed class LinkCheckerTests : IAsyncLifetime
{
    private readonly KnowledgeTestBase _kb = new();
    private ServiceProvider _services = null!;
    private LinkChecker _checker = null!;
    private WebApplication _web = null!;
    private string _site = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _web = builder.Build();
        _web.MapMethods("/ok", ["GET", "HEAD"], () => Results.Ok());
        _web.MapGet("/get-only", () => Results.Ok());
        _web.MapMethods("/slow", ["GET", "HEAD"], async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Ok();
        });
        await _web.StartAsync(TestContext.Current.CancellationToken);
        _site = _web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _services = new ServiceCollection().AddLogging().AddHttpClient().BuildServiceProvider();
        _checker = new LinkChecker(
            _kb.Database,
            _services.GetRequiredService<IHttpClientFactory>(),
            Microsoft.Extensions.Options.Options.Create(new LinkCheckOptions { Timeout = TimeSpan.FromSeconds(1), Concurrency = 2 }),
            TimeProvider.System,
            _services.GetRequiredService<ILogger<LinkChecker>>());
    }

    public async ValueTask DisposeAsync()
    {
        _checker.Dispose();
        await _services.DisposeAsync();
        _kb.Dispose();
        await _web.StopAsync(CancellationToken.None);
        await _web.DisposeAsync();
    }

    [Fact]
    public async Task Every_link_of_published_entries_is_checked_within_its_time_limit_and_the_results_are_kept()
    {
        var editor = _kb.Editor;
        var ct = TestContext.Current.CancellationToken;
        await Publish(editor, "link-ok", $"{_site}/ok", $"{_site}/get-only");
        await Publish(editor, "link-missing", $"{_site}/missing", null);
        await Publish(editor, "link-slow", $"{_site}/slow", null);
        var started = DateTime.UtcNow;

        Assert.Equal(4, await _checker.CheckAllAsync(ct));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "a slow server must not hold the check up");
        var checks = (await editor.LinkChecksAsync(ct)).Where(c => c.Slug.StartsWith("link-", StringComparison.Ordinal)).ToDictionary(c => (c.Slug, c.Field));
        Assert.Equal(("ok", 200), (checks[("link-ok", "contact.url")].Outcome, checks[("link-ok", "contact.url")].HttpStatus));
        Assert.Equal(("ok", 200), (checks[("link-ok", "source.url")].Outcome, checks[("link-ok", "source.url")].HttpStatus));
        Assert.Equal(("broken", 404), (checks[("link-missing", "contact.url")].Outcome, checks[("link-missing", "contact.url")].HttpStatus));
        Assert.Equal("unreachable", checks[("link-slow", "contact.url")].Outcome);
        // Broken links come first in the report.
        Assert.NotEqual("ok", (await editor.LinkChecksAsync(ct))[0].Outcome);
    }

    [Fact]
    public async Task Editing_goes_on_while_the_checker_waits_for_a_slow_server()
    {
        var editor = _kb.Editor;
        var ct = TestContext.Current.CancellationToken;
        await Publish(editor, "link-slow", $"{_site}/slow", null);

        var check = _checker.CheckAllAsync(ct);
        var entry = await editor.GetAsync("link-slow", ct);
        entry!.Owner = "editor during a check";
        var saved = await editor.UpdateAsync("link-slow", entry, entry.Version, KnowledgeTestBase.Coordinator, ct);

        Assert.Equal(EditOutcome.Saved, saved.Outcome);
        Assert.False(check.IsCompleted);
        await check;
    }

    private static async Task Publish(KnowledgeEditor editor, string slug, string url, string? sourceUrl)
    {
        var entry = KnowledgeTestBase.Entry(slug);
        entry.Contact.Url = url;
        entry.Source.Url = sourceUrl;
        var created = await editor.CreateAsync(entry, KnowledgeTestBase.Coordinator, TestContext.Current.CancellationToken);
        Assert.Equal(EditOutcome.Saved, created.Outcome);
        await editor.PublishAsync(slug, created.Entry!.Version, KnowledgeTestBase.Coordinator, TestContext.Current.CancellationToken);
    }
}
