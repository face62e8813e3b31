using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>
/// Moves an embedded SQLite data folder's database into an empty PostgreSQL database: every journal entry as it is
/// (sequence, time, user, hash and link, byte for byte, so each chain still verifies), the snapshots, read-model
/// documents, sealed boxes (still encrypted under the same journal key), the signed heads and the store's checkpoint,
/// and the reminders. It runs in one transaction: a copy that fails leaves the target as it was. The journal key
/// travels with it: the nodes of the cluster must use the key the SQLite store was written with.
/// </summary>
public static class SqliteCopy
{
    /// <summary>Copies <paramref name="sqlitePath"/> into the database behind <paramref name="target"/>, after migrating it; refuses a target that holds journals.</summary>
    public static async Task<SqliteCopyResult> CopyAsync(string sqlitePath, NpgsqlDataSource target, string serviceId = "boarddesk", CancellationToken cancellationToken = default)
    {
        if (!File.Exists(sqlitePath))
        {
            throw new FileNotFoundException($"There is no BoardDesk database at {sqlitePath}.", sqlitePath);
        }

        await PostgreSqlSchema.MigrateAsync(target, cancellationToken);
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(sqlitePath), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        // One read transaction: a consistent picture even if a server still writes the file.
        await using var read = (SqliteTransaction)await source.BeginTransactionAsync(cancellationToken);
        await using var connection = await target.OpenConnectionAsync(cancellationToken);
        await using var write = await connection.BeginTransactionAsync(cancellationToken);
        await using (var existing = new NpgsqlCommand("SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM heads)", connection, write))
        {
            if ((long)(await existing.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                throw new InvalidOperationException("The PostgreSQL database already holds journals: copy into an empty database, so that no history is mixed.");
            }
        }

        var events = await CopyRowsAsync(source, read, connection, write,
            "SELECT grain, seq, type, payload, at, user, prev_hash, hash FROM events ORDER BY grain, seq",
            "COPY events(grain, seq, type, payload, at, user_name, prev_hash, hash) FROM STDIN (FORMAT BINARY)",
            [NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bytea, NpgsqlDbType.Bytea], cancellationToken);
        await CopyRowsAsync(source, read, connection, write,
            "SELECT grain, seq, version, payload, hash FROM snapshots",
            "COPY snapshots(grain, seq, version, payload, hash) FROM STDIN (FORMAT BINARY)",
            [NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Bytea], cancellationToken);
        var documents = await CopyRowsAsync(source, read, connection, write,
            "SELECT kind, id, payload, 0 FROM documents",
            "COPY documents(kind, id, payload, version) FROM STDIN (FORMAT BINARY)",
            [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint], cancellationToken);
        await using (var plain = source.CreateCommand())
        {
            plain.Transaction = read;
            plain.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'sealed' AND (SELECT count(*) FROM sealed WHERE typeof(value) <> 'blob') > 0";
            if ((long)(await plain.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                throw new InvalidOperationException("The SQLite database holds sealed values written before they were encrypted: close the votes they belong to with this version's server first.");
            }
        }

        // Values are copied in the order of their ciphertexts, as the store itself writes them.
        await CopyRowsAsync(source, read, connection, write,
            "SELECT grain, value FROM sealed WHERE typeof(value) = 'blob' ORDER BY grain, hex(value)",
            "COPY sealed(grain, value) FROM STDIN (FORMAT BINARY)",
            [NpgsqlDbType.Text, NpgsqlDbType.Bytea], cancellationToken);
        var journals = await CopyRowsAsync(source, read, connection, write,
            "SELECT grain, seq, hash, signature FROM heads",
            "COPY heads(grain, seq, hash, signature) FROM STDIN (FORMAT BINARY)",
            [NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Bytea, NpgsqlDbType.Bytea], cancellationToken);
        await using (var clear = new NpgsqlCommand("DELETE FROM checkpoint", connection, write))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyRowsAsync(source, read, connection, write,
            "SELECT id, journals, combined, signature, 0 FROM checkpoint",
            "COPY checkpoint(id, journals, combined, signature, batches) FROM STDIN (FORMAT BINARY)",
            [NpgsqlDbType.Integer, NpgsqlDbType.Bigint, NpgsqlDbType.Bytea, NpgsqlDbType.Bytea, NpgsqlDbType.Bigint], cancellationToken);
        var reminders = await CopyRemindersAsync(source, read, connection, write, serviceId, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return new SqliteCopyResult(events, journals, documents, reminders);
    }

    private static async Task<long> CopyRowsAsync(SqliteConnection source, SqliteTransaction read, NpgsqlConnection connection, NpgsqlTransaction write,
        string select, string copy, NpgsqlDbType[] types, CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(source, read, select, cancellationToken))
        {
            return 0;
        }

        await using var command = source.CreateCommand();
        command.Transaction = read;
        command.CommandText = select;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < types.Length; i++)
            {
                await importer.WriteAsync(reader.GetValue(i) switch
                {
                    long number when types[i] == NpgsqlDbType.Integer => (int)number,
                    var value => value,
                }, types[i], cancellationToken);
            }

            rows++;
        }

        await importer.CompleteAsync(cancellationToken);
        return rows;
    }

    private static async Task<long> CopyRemindersAsync(SqliteConnection source, SqliteTransaction read, NpgsqlConnection connection, NpgsqlTransaction write, string serviceId, CancellationToken cancellationToken)
    {
        const string select = "SELECT grain_id, name, hash, start_at, period_ms, etag FROM orleans_reminders";
        if (!await TableExistsAsync(source, read, select, cancellationToken))
        {
            return 0;
        }

        await using var command = source.CreateCommand();
        command.Transaction = read;
        command.CommandText = select;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO orleans_reminders(service_id, grain_id, name, hash, start_at, period_ms, etag) VALUES($1, $2, $3, $4, $5, $6, $7)", connection, write);
            insert.Parameters.AddWithValue(serviceId);
            insert.Parameters.AddWithValue(reader.GetString(0));
            insert.Parameters.AddWithValue(reader.GetString(1));
            insert.Parameters.AddWithValue(reader.GetInt64(2));
            insert.Parameters.AddWithValue(DateTime.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
            insert.Parameters.AddWithValue(reader.GetInt64(4));
            insert.Parameters.AddWithValue(reader.GetString(5));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            rows++;
        }

        return rows;
    }

    /// <summary>Whether the table a query reads from exists (a database of an older version may lack some).</summary>
    private static async Task<bool> TableExistsAsync(SqliteConnection source, SqliteTransaction read, string select, CancellationToken cancellationToken)
    {
        var table = select[(select.IndexOf(" FROM ", StringComparison.Ordinal) + 6)..].Split(' ')[0];
        await using var command = source.CreateCommand();
        command.Transaction = read;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }
}
