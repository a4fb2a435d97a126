using Microsoft.Data.Sqlite;

namespace KokkaBot.Storage;

/// <summary>
/// Moves the SQLite write-ahead log into the database file in the background. SQLite would otherwise
/// do it inside whichever write happens to cross the threshold, and that turn, and every turn queued
/// behind it, would wait for the copy and its fsync. A passive checkpoint never blocks writers.
/// </summary>
public sealed partial class SqliteCheckpointer(string connectionString, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>Settings every connection to the file uses: WAL checkpoints are ours, not the writers'.</summary>
    public const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 0;";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                Checkpoint("PASSIVE");
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Leave a compact file behind: everything in the database, an empty log.
        Checkpoint("TRUNCATE");
    }

    private void Checkpoint(string mode)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = 1000; PRAGMA wal_checkpoint({mode});";
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            LogCheckpointFailed(e, mode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite {Mode} checkpoint failed; the next one will try again")]
    private partial void LogCheckpointFailed(Exception exception, string mode);
}
