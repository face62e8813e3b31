using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>
/// Orleans' reminder table on the shared PostgreSQL database (BoardDesk's own schema, migration 2): one row per
/// service, grain and reminder name, with the grain's uniform hash indexed so that each silo reads its own range of
/// the ring. The ETag is a random token replaced on every write, so a stale remove is refused.
/// </summary>
public sealed class PostgreSqlReminderTable(NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private const string Columns = "grain_id, name, start_at, period_ms, etag";

    private string ServiceId => cluster.Value.ServiceId;

    /// <inheritdoc />
    public Task Init() => PostgreSqlSchema.MigrateAsync(dataSource);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAsync($"SELECT {Columns} FROM orleans_reminders WHERE service_id = $1 AND grain_id = $2", ServiceId, grainId.ToString());

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        // The range is (begin, end] on the ring; when begin >= end it wraps past zero.
        ReadAsync(begin < end
            ? $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $1 AND hash > $2 AND hash <= $3"
            : $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $1 AND (hash > $2 OR hash <= $3)",
            ServiceId, (long)begin, (long)end);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        (await ReadAsync($"SELECT {Columns} FROM orleans_reminders WHERE service_id = $1 AND grain_id = $2 AND name = $3", ServiceId, grainId.ToString(), reminderName))
        .Reminders.FirstOrDefault();

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = Guid.NewGuid().ToString("N");
        await using var command = dataSource.CreateCommand(
            "INSERT INTO orleans_reminders(service_id, grain_id, name, hash, start_at, period_ms, etag) VALUES($1, $2, $3, $4, $5, $6, $7) " +
            "ON CONFLICT(service_id, grain_id, name) DO UPDATE SET hash = excluded.hash, start_at = excluded.start_at, period_ms = excluded.period_ms, etag = excluded.etag");
        command.Parameters.AddWithValue(ServiceId);
        command.Parameters.AddWithValue(entry.GrainId.ToString());
        command.Parameters.AddWithValue(entry.ReminderName);
        command.Parameters.AddWithValue((long)entry.GrainId.GetUniformHashCode());
        command.Parameters.AddWithValue(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc));
        command.Parameters.AddWithValue((long)entry.Period.TotalMilliseconds);
        command.Parameters.AddWithValue(etag);
        await command.ExecuteNonQueryAsync();
        return etag;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM orleans_reminders WHERE service_id = $1 AND grain_id = $2 AND name = $3 AND etag = $4");
        command.Parameters.AddWithValue(ServiceId);
        command.Parameters.AddWithValue(grainId.ToString());
        command.Parameters.AddWithValue(reminderName);
        command.Parameters.AddWithValue(eTag);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <inheritdoc />
    public async Task TestOnlyClearTable()
    {
        await using var command = dataSource.CreateCommand("DELETE FROM orleans_reminders WHERE service_id = $1");
        command.Parameters.AddWithValue(ServiceId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many reminders the service has registered, for operators and tests.</summary>
    public async Task<int> CountAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans_reminders WHERE service_id = $1");
        command.Parameters.AddWithValue(ServiceId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<ReminderTableData> ReadAsync(string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return new ReminderTableData(entries);
    }
}
