using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using BoardDesk.Persistence.Storage.Sqlite;
using BoardDesk.Testing;
using Microsoft.Data.Sqlite;

namespace BoardDesk.Benchmarks;

/// <summary>
/// (b) Durable appends from 64 concurrent grains, against raw SQLite inserts of the same rows into the same table,
/// with the same durability (WAL, synchronous=FULL) and the same batches (the average batch the grains' group commit
/// formed), in one process.
/// </summary>
public static class DurableAppendBenchmark
{
    private const int Grains = 64;

    public static async Task<(Result Result, double AverageBatch)> RunAsync(int appendsPerGrain)
    {
        using var folder = new TemporaryFolder();
        double grainRate;
        double averageBatch;
        await using (var host = await GrainHost.StartAsync(folder.File("grains.db"), o => o.SnapshotInterval = 0, null, typeof(AppendGrain).Assembly))
        {
            var grains = Enumerable.Range(0, Grains).Select(i => host.Grains.GetGrain<IAppendGrain>($"append-{i}")).ToArray();
            await Task.WhenAll(grains.Select(g => g.AppendAsync("warm-up")));
            var store = (SqliteJournalStore)host.Store;
            var (transactionsBefore, commitsBefore) = (store.TransactionCount, store.CommitCount);

            var clock = Stopwatch.StartNew();
            await Task.WhenAll(grains.Select(grain => Task.Run(async () =>
            {
                for (var n = 0; n < appendsPerGrain; n++)
                {
                    await grain.AppendAsync("minute 4.2: the board noted the paper");
                }
            })));
            clock.Stop();
            grainRate = Grains * appendsPerGrain / clock.Elapsed.TotalSeconds;
            averageBatch = (double)(store.CommitCount - commitsBefore) / (store.TransactionCount - transactionsBefore);
        }

        var rawRate = RawInserts(folder.File("raw.db"), Grains * appendsPerGrain, Math.Max(1, (int)Math.Round(averageBatch)));
        return (new Result($"durable append, {Grains} grains", grainRate, rawRate, "appends/s"), averageBatch);
    }

    private static double RawInserts(string path, int rows, int batch)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
                CREATE TABLE events(position INTEGER PRIMARY KEY, grain TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
                    payload TEXT NOT NULL, at TEXT NOT NULL, user TEXT NOT NULL, prev_hash BLOB NOT NULL, hash BLOB NOT NULL, UNIQUE(grain, seq));
                """;
            setup.ExecuteNonQuery();
        }

        var payload = """{"note":"minute 4.2: the board noted the paper"}""";
        var at = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var hash = RandomNumberGenerator.GetBytes(32);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO events(grain, seq, type, payload, at, user, prev_hash, hash) VALUES($grain, $seq, 'bench.NoteAppended', $payload, $at, 'bench', $hash, $hash)";
        var grain = insert.Parameters.Add("$grain", SqliteType.Text);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        insert.Parameters.AddWithValue("$payload", payload);
        insert.Parameters.AddWithValue("$at", at);
        insert.Parameters.AddWithValue("$hash", hash);

        var clock = Stopwatch.StartNew();
        for (var written = 0; written < rows;)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            for (var i = 0; i < batch && written < rows; i++, written++)
            {
                grain.Value = $"append/append-{written % Grains}";
                seq.Value = written / Grains + 1;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }
}
