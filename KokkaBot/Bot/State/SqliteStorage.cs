using KokkaBot.Knowledge.Storage;
using KokkaBot.Storage;
using Microsoft.Data.Sqlite;

namespace KokkaBot.Bot.State;

/// <summary>
/// Bot state in the embedded SQLite file, on one open connection with prepared statements. The
/// table is EF Core's (<see cref="BotStateRecord"/>, created by its migrations); this path skips EF's
/// change tracker because a turn writes state every time, and measured under load EF's SaveChanges
/// was a quarter of the server's CPU. SQLite takes one writer at a time, so every operation holds
/// the database's write gate (shared with the other writers of the file).
/// </summary>
public sealed class SqliteStorage : IStorage, IDisposable
{
    private readonly DatabaseWriteGate _gate;
    private readonly TimeProvider _clock;
    private readonly SqliteConnection _connection;
    private Statements? _statements;

    public SqliteStorage(string connectionString, DatabaseWriteGate gate, TimeProvider clock)
    {
        _gate = gate;
        _clock = clock;
        _connection = new SqliteConnection(connectionString);
    }

    /// <summary>The prepared statements, made on first use (after the migrations created the table).</summary>
    private sealed record Statements(SqliteCommand Read, SqliteCommand Update, SqliteCommand Insert, SqliteCommand Upsert, SqliteCommand Delete);

    private Statements Prepared()
    {
        if (_statements is not null)
            return _statements;
        _connection.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            pragmas.CommandText = SqliteCheckpointer.ConnectionPragmas;
            pragmas.ExecuteNonQuery();
        }
        return _statements = new Statements(
            Prepare("SELECT Key, Json, Version FROM BotState WHERE Key = $key", "$key"),
            Prepare("UPDATE BotState SET Json = $json, Version = $version + 1, UpdatedAt = $now WHERE Key = $key AND Version = $version", "$key", "$json", "$version", "$now"),
            Prepare("INSERT INTO BotState (Key, Json, Version, UpdatedAt) VALUES ($key, $json, 1, $now) ON CONFLICT (Key) DO NOTHING", "$key", "$json", "$now"),
            Prepare("INSERT INTO BotState (Key, Json, Version, UpdatedAt) VALUES ($key, $json, 1, $now) ON CONFLICT (Key) DO UPDATE SET Json = excluded.Json, Version = Version + 1, UpdatedAt = excluded.UpdatedAt RETURNING Version", "$key", "$json", "$now"),
            Prepare("DELETE FROM BotState WHERE Key = $key", "$key"));
    }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        using (await _gate.EnterAsync(cancellationToken))
        {
            var read = Prepared().Read;
            foreach (var key in keys)
            {
                read.Parameters["$key"].Value = key;
                using var reader = read.ExecuteReader();
                if (reader.Read())
                    result[key] = new StoreItem(key, reader.GetString(1), ToETag(reader.GetInt64(2)));
            }
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyCollection<StoreWrite> writes, CancellationToken cancellationToken)
    {
        var eTags = new Dictionary<string, string>(writes.Count, StringComparer.Ordinal);
        if (writes.Count == 0)
            return eTags;

        var now = _clock.GetUtcNow().UtcDateTime;
        using (await _gate.EnterAsync(cancellationToken))
        {
            var statements = Prepared();
            using var transaction = _connection.BeginTransaction();
            foreach (var write in writes)
            {
                if (write.ExpectedETag is null)
                {
                    if (Execute(statements.Insert, transaction, write.Key, write.Json, now) == 0)
                        throw new StorageConcurrencyException(write.Key);
                    eTags[write.Key] = ToETag(1);
                }
                else if (write.ExpectedETag == StoreWrite.AnyETag)
                {
                    Bind(statements.Upsert, transaction, write.Key, write.Json, now);
                    eTags[write.Key] = ToETag((long)statements.Upsert.ExecuteScalar()!);
                }
                else
                {
                    var expected = long.TryParse(write.ExpectedETag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
                        ? version
                        : throw new StorageConcurrencyException(write.Key);
                    statements.Update.Parameters["$version"].Value = expected;
                    if (Execute(statements.Update, transaction, write.Key, write.Json, now) == 0)
                        throw new StorageConcurrencyException(write.Key);
                    eTags[write.Key] = ToETag(expected + 1);
                }
            }
            // An exception above disposes the transaction uncommitted: nothing of the batch is written.
            transaction.Commit();
        }
        return eTags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        using (await _gate.EnterAsync(cancellationToken))
        {
            var delete = Prepared().Delete;
            using var transaction = _connection.BeginTransaction();
            foreach (var key in keys)
            {
                delete.Transaction = transaction;
                delete.Parameters["$key"].Value = key;
                delete.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public void Dispose()
    {
        if (_statements is { } statements)
        {
            foreach (var command in new[] { statements.Read, statements.Update, statements.Insert, statements.Upsert, statements.Delete })
                command.Dispose();
        }
        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static int Execute(SqliteCommand command, SqliteTransaction transaction, string key, string json, DateTime now)
    {
        Bind(command, transaction, key, json, now);
        return command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, SqliteTransaction transaction, string key, string json, DateTime now)
    {
        command.Transaction = transaction;
        command.Parameters["$key"].Value = key;
        command.Parameters["$json"].Value = json;
        command.Parameters["$now"].Value = now;
    }

    private static string ToETag(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
