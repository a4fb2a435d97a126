namespace KokkaBot.Knowledge.Storage;

/// <summary>
/// Lets one write transaction at a time reach an embedded SQLite file. SQLite allows a single
/// writer; without this gate concurrent writers meet SQLITE_BUSY and Microsoft.Data.Sqlite retries
/// after sleeping, which turns a microsecond wait into a 150 ms one. Server databases pass freely.
/// </summary>
public sealed class DatabaseWriteGate(bool serializeWrites) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!serializeWrites)
            return NoGate.Instance;
        await _gate.WaitAsync(cancellationToken);
        return new Held(_gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }
}
