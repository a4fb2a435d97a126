using System.Threading.Channels;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Storage;

namespace KokkaBot.Answers;

/// <summary>
/// Questions the bot could not answer, written for coordinators in the background and in batches: the
/// student's turn never waits for that write, and under load one write carries many questions instead
/// of each taking the database's single writer. Pending questions are written on shutdown.
/// </summary>
public sealed partial class UnansweredLog(KnowledgeEditor editor, ILogger<UnansweredLog> logger) : BackgroundService
{
    private const int MaxPending = 10_000;
    private const int BatchSize = 200;

    private readonly Channel<UnansweredQuestion> _pending = Channel.CreateBounded<UnansweredQuestion>(
        new BoundedChannelOptions(MaxPending) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Record(UnansweredQuestion question)
    {
        if (!_pending.Writer.TryWrite(question))
            LogDropped();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _pending.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
                await WriteBatchAsync(CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Whatever arrived before the stop is still written.
        await WriteBatchAsync(CancellationToken.None);
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = new List<UnansweredQuestion>(BatchSize);
            while (batch.Count < BatchSize && _pending.Reader.TryRead(out var question))
                batch.Add(question);
            if (batch.Count == 0)
                return;
            try
            {
                await editor.RecordUnansweredAsync(batch, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogWriteFailed(e, batch.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The unanswered-question log is full: the oldest question was dropped.")]
    private partial void LogDropped();

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} unanswered questions.")]
    private partial void LogWriteFailed(Exception exception, int count);
}
