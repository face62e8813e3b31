using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using BoardDesk.Grains;
using Orleans.Runtime;

namespace BoardDesk.Persistence.Storage.Sqlite;

/// <summary>
/// Orleans' reminder table on the embedded SQLite file (Orleans ships none for SQLite): one row per grain and
/// reminder name, with the grain's uniform hash indexed so that each silo reads its own range of the ring. The
/// ETag is a random token replaced on every write, so a stale remove is refused. At start it takes over the
/// reminders that the previous version of BoardDesk kept in its own <c>reminders</c> table, as one-off reminders.
/// </summary>
public sealed class SqliteReminderTable(IOptions<SqliteStoreOptions> storeOptions, IOptions<RuntimeOptions> runtimeOptions) : IReminderTable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS orleans_reminders(
            grain_id  TEXT    NOT NULL,
            name      TEXT    NOT NULL,
            hash      INTEGER NOT NULL,
            start_at  TEXT    NOT NULL,
            period_ms INTEGER NOT NULL,
            etag      TEXT    NOT NULL,
            PRIMARY KEY(grain_id, name)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders(hash);
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(storeOptions.Value.DatabasePath),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <inheritdoc />
    public async Task Init()
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(storeOptions.Value.DatabasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000;" + Schema;
            await command.ExecuteNonQueryAsync();
        }

        await TakeOverPreviousRemindersAsync(connection);
    }

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id, name, start_at, period_ms, etag FROM orleans_reminders WHERE grain_id = $grain";
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        return new ReminderTableData(await ReadAsync(command));
    }

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        // The range is (begin, end] on the ring; when begin >= end it wraps past zero.
        command.CommandText = begin < end
            ? "SELECT grain_id, name, start_at, period_ms, etag FROM orleans_reminders WHERE hash > $begin AND hash <= $end"
            : "SELECT grain_id, name, start_at, period_ms, etag FROM orleans_reminders WHERE hash > $begin OR hash <= $end";
        command.Parameters.AddWithValue("$begin", (long)begin);
        command.Parameters.AddWithValue("$end", (long)end);
        return new ReminderTableData(await ReadAsync(command));
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id, name, start_at, period_ms, etag FROM orleans_reminders WHERE grain_id = $grain AND name = $name";
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        return (await ReadAsync(command)).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        await using var connection = await OpenAsync();
        return await UpsertAsync(connection, entry.GrainId, entry.ReminderName, entry.StartAt, entry.Period);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM orleans_reminders WHERE grain_id = $grain AND name = $name AND etag = $etag";
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        command.Parameters.AddWithValue("$etag", eTag);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <inheritdoc />
    public async Task TestOnlyClearTable()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM orleans_reminders";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many reminders are registered, for operators and tests.</summary>
    public async Task<int> CountAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM orleans_reminders";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<string> UpsertAsync(SqliteConnection connection, GrainId grainId, string name, DateTime startAt, TimeSpan period, SqliteTransaction? transaction = null)
    {
        var etag = Guid.NewGuid().ToString("N");
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO orleans_reminders(grain_id, name, hash, start_at, period_ms, etag) VALUES($grain, $name, $hash, $start, $period, $etag) " +
            "ON CONFLICT(grain_id, name) DO UPDATE SET hash = excluded.hash, start_at = excluded.start_at, period_ms = excluded.period_ms, etag = excluded.etag";
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$hash", (long)grainId.GetUniformHashCode());
        command.Parameters.AddWithValue("$start", DateTime.SpecifyKind(startAt, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$period", (long)period.TotalMilliseconds);
        command.Parameters.AddWithValue("$etag", etag);
        await command.ExecuteNonQueryAsync();
        return etag;
    }

    private static async Task<List<ReminderEntry>> ReadAsync(SqliteCommand command)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = DateTime.ParseExact(reader.GetString(2), "O", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return entries;
    }

    /// <summary>
    /// The previous version kept reminders in a table of its own, keyed by the journal id (<c>type/key</c>), which
    /// is also the grain's Orleans type and key. Each becomes an Orleans reminder due at the same time, in one
    /// transaction with its removal from the old table, so it is taken over once.
    /// </summary>
    private async Task TakeOverPreviousRemindersAsync(SqliteConnection connection)
    {
        await using (var exists = connection.CreateCommand())
        {
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'reminders'";
            if (Convert.ToInt32(await exists.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
            {
                return;
            }
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var previous = new List<(string Grain, string Name, string Due)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT grain, name, due FROM reminders";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                previous.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (grain, name, due) in previous)
        {
            var id = JournalId.Parse(grain);
            var dueAt = DateTime.ParseExact(due, "O", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            await UpsertAsync(connection, GrainId.Create(id.Type, id.Key), name, dueAt, runtimeOptions.Value.ReminderRetryDelay, transaction);
        }

        await using (var drop = connection.CreateCommand())
        {
            drop.Transaction = transaction;
            drop.CommandText = "DROP TABLE reminders";
            await drop.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
