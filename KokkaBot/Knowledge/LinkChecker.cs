using System.ComponentModel.DataAnnotations;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KokkaBot.Knowledge;

public sealed class LinkCheckOptions
{
    public const string Section = "Knowledge:LinkCheck";

    public bool Enabled { get; set; } = true;

    /// <summary>How often every link of the published entries is checked.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first check after a start (the server settles first).</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time limit of one link.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Links checked at the same time.</summary>
    [Range(1, 32)]
    public int Concurrency { get; set; } = 4;
}

/// <summary>
/// Checks the links of published entries in the background: bounded (a time limit per link, a few at
/// a time), and apart from editing (its own connections; one short write per result). Coordinators
/// see the results on the review page and in the API.
/// </summary>
public sealed partial class LinkChecker(
    KnowledgeDatabase database, IHttpClientFactory http, IOptions<LinkCheckOptions> options, TimeProvider clock, ILogger<LinkChecker> logger) : BackgroundService
{
    public const string HttpClientName = "link-checker";
    private readonly SemaphoreSlim _running = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        try
        {
            await Task.Delay(options.Value.FirstDelay, clock, stoppingToken);
            using var timer = new PeriodicTimer(options.Value.Interval, clock);
            do
            {
                await CheckAllAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Checks every link once now; a second call while one runs waits for it. Returns how many links were checked.</summary>
    public async Task<int> CheckAllAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            List<(int EntryId, string Slug, string Field, string Url)> links;
            await using (var db = database.Open())
            {
                var entries = await db.Entries.AsNoTracking().Where(e => e.Status == EntryStatus.Published).ToListAsync(cancellationToken);
                links = entries.SelectMany(e => new[]
                    {
                        (e.Id, e.Slug, "contact.url", e.Contact.Url),
                        (e.Id, e.Slug, "source.url", e.Source.Url),
                        (e.Id, e.Slug, "employer.careersUrl", e.Employer?.CareersUrl),
                    })
                    .Where(l => !string.IsNullOrWhiteSpace(l.Item4))
                    .Select(l => (l.Id, l.Slug, l.Item3, l.Item4!))
                    .ToList();
            }

            using var gate = new SemaphoreSlim(options.Value.Concurrency);
            var results = await Task.WhenAll(links.Select(async link =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    return (link, Check: await CheckAsync(link.Url, cancellationToken));
                }
                finally
                {
                    gate.Release();
                }
            }));

            await using (var db = database.Open())
            {
                var existing = await db.LinkChecks.ToListAsync(cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var (link, check) in results)
                {
                    var row = existing.FirstOrDefault(r => r.EntryId == link.EntryId && r.Field == link.Field);
                    if (row is null)
                    {
                        row = new LinkCheck { EntryId = link.EntryId, Slug = link.Slug, Field = link.Field, Url = link.Url, Outcome = check.Outcome };
                        db.LinkChecks.Add(row);
                    }
                    row.Slug = link.Slug;
                    row.Url = link.Url;
                    row.Outcome = check.Outcome;
                    row.HttpStatus = check.Status;
                    row.Error = check.Error;
                    row.CheckedAt = now;
                }
                // Links that no longer exist (entry archived, field emptied) leave the report.
                var current = results.Select(r => (r.link.EntryId, r.link.Field)).ToHashSet();
                db.LinkChecks.RemoveRange(existing.Where(r => !current.Contains((r.EntryId, r.Field))));
                using (await database.WriteGate.EnterAsync(cancellationToken))
                    await db.SaveChangesAsync(cancellationToken);
            }
            var failing = results.Count(r => r.Check.Outcome != "ok");
            LogChecked(results.Length, failing);
            return results.Length;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<(string Outcome, int? Status, string? Error)> CheckAsync(string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            var client = http.CreateClient(HttpClientName);
            using var head = new HttpRequestMessage(HttpMethod.Head, url);
            using var response = await client.SendAsync(head, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is 405 or 501)
            {
                // Some servers refuse HEAD: ask for the page instead.
                using var get = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                status = (int)get.StatusCode;
            }
            return (status < 400 ? "ok" : "broken", status, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ("unreachable", null, $"no answer within {options.Value.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return ("unreachable", null, e.Message);
        }
    }

    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked {Count} links; {Failing} failing")]
    private partial void LogChecked(int count, int failing);
}
