using Microsoft.Extensions.Options;

namespace KokkaBot.Handoff;

/// <summary>
/// Tells a waiting user, once, that nobody has answered yet (after Handoff:NoAnswerNotice). The state
/// is the queue's own row (NoAnswerNoticeSent, claimed by a conditional UPDATE before the notice
/// goes out), so a restart neither forgets a request nor tells anyone twice.
/// </summary>
public sealed partial class NoAnswerMonitor(
    HandoffStore store, UserNotifications notifications, AdvisorConsoles consoles, HandoffClock clock, TimeProvider time,
    IOptions<HandoffOptions> options, ILogger<NoAnswerMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.NoAnswerCheckInterval, time);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the queue; returns how many users were told.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var due = await store.DueForNoAnswerNoticeAsync(clock.UtcNow - options.Value.NoAnswerNotice, cancellationToken);
        var told = 0;
        foreach (var handoff in due)
        {
            if (!await store.TryMarkNoAnswerNoticeAsync(handoff.Id, cancellationToken))
                continue; // Accepted or cancelled meanwhile.
            await store.AddLineAsync(new HandoffLineRecord
            {
                HandoffId = handoff.Id,
                From = TranscriptSender.System,
                Text = $"Nobody answered within {options.Value.NoAnswerNotice.TotalMinutes:0.#} min; the user was told and offered to leave a message.",
                At = clock.UtcNow,
            }, cancellationToken);
            await notifications.NoAdvisorYetAsync(handoff, cancellationToken);
            LogNoticeSent(handoff.Id);
            told++;
        }
        if (told > 0)
            await consoles.QueueChangedAsync(cancellationToken);
        return told;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {HandoffId}: nobody answered in time, the user was told")]
    private partial void LogNoticeSent(long handoffId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The no-answer check of the handoff queue failed")]
    private partial void LogCheckFailed(Exception exception);
}
