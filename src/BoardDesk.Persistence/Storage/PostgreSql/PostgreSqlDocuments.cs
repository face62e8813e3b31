using Npgsql;

namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>
/// The read-model documents of the PostgreSQL store, for queries that run in SQL on the columns and indexes of
/// schema version 5 instead of over documents held in memory. Registered only where the store is PostgreSQL (silo
/// and web nodes alike); a query service without it takes the in-memory path of the embedded store. Documents are
/// written in the transaction of the commit they reflect, so a query here shows every change acknowledged by any node.
/// </summary>
/// <param name="DataSource">The database every node shares.</param>
public sealed record PostgreSqlDocuments(NpgsqlDataSource DataSource)
{
    /// <summary>
    /// A statement for <see cref="ReadAsync"/> that reads the documents of <paramref name="kind"/> written after
    /// <paramref name="afterVersion"/>, as <see cref="PostgreSqlJournalStore.LoadDocumentsChangedAsync"/> does, so
    /// that a query can bring a node's copy of a small kind up to date in its own round trip; <see cref="Changes"/>
    /// reads its rows.
    /// </summary>
    public static string ChangesStatement(string kind, long afterVersion) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"SELECT id, payload, version FROM documents WHERE kind = '{kind.Replace("'", "''", StringComparison.Ordinal)}' AND version > {afterVersion} ORDER BY version");

    /// <summary>The rows of a <see cref="ChangesStatement"/> as the store's changes since <paramref name="afterVersion"/>.</summary>
    public static DocumentChanges Changes(IReadOnlyList<object?[]> rows, long afterVersion)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        var version = Math.Max(afterVersion, 0);
        foreach (var row in rows)
        {
            documents[(string)row[0]!] = (string)row[1]!;
            version = Math.Max(version, (long)row[2]!);
        }

        return new DocumentChanges(version, documents);
    }

    /// <summary>
    /// Runs <paramref name="statements"/> on one snapshot of the database (so a page and its counts agree), each with
    /// the same positional <paramref name="parameters"/> ($1, $2...), and answers each one's rows.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<object?[]>>> ReadAsync(IReadOnlyList<string> statements, IReadOnlyList<object> parameters, CancellationToken cancellationToken = default)
    {
        // The transaction's begin and end travel in the same round trip as the statements.
        await using var batch = DataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        foreach (var statement in statements)
        {
            var command = new NpgsqlBatchCommand(statement);
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            }

            batch.BatchCommands.Add(command);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        var results = new List<IReadOnlyList<object?[]>>(statements.Count);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                var rows = new List<object?[]>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = new object?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    }

                    rows.Add(row);
                }

                results.Add(rows);
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        return results;
    }
}
