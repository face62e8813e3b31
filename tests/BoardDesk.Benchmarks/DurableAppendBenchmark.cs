using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using BoardDesk.Persistence.Storage.Sqlite;
using BoardDesk.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Benchmarks;

/// <summary>
/// (b) Durable appends from 64 concurrent grains, against raw SQLite inserts of the same rows into the same table,
/// with the same durability (WAL, synchronous=FULL) and the same batches: the average number of turns the store's
/// group commit put in one transaction (<see cref="SqliteJournalStore.CommitCount"/> over
/// <see cref="SqliteJournalStore.TransactionCount"/>) during the grains' run.
/// </summary>
public static class DurableAppendBenchmark
{
    private const int Grains = 64;
    private const double Goal = 0.8;
    private const string Note = "minute 4.2: the board noted the paper";

    /// <summary>Appends <paramref name="appendsPerGrain"/> events from each grain, best of <paramref name="runs"/>, then the raw inserts.</summary>
    public static async Task RunAsync(Report report, int appendsPerGrain, int runs)
    {
        using var folder = new TemporaryFolder();
        var grainRate = 0.0;
        var transactions = 0L;
        var commits = 0L;
        await using (var host = await GrainHost.StartAsync(new GrainHostOptions(folder.File("grains.db"))
        {
            GrainAssemblies = [typeof(AppendGrain).Assembly],
            // Snapshots are off so that each turn writes one event row and nothing else, as the raw baseline does.
            Configure = o => o.SnapshotInterval = 0,
        }))
        {
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            var grains = Enumerable.Range(0, Grains).Select(i => factory.GetGrain<IAppendGrain>($"append-{i}")).ToArray();
            await Task.WhenAll(grains.Select(g => g.AppendAsync("warm-up")));
            var store = (SqliteJournalStore)host.Store;
            for (var run = 0; run < runs; run++)
            {
                var (transactionsBefore, commitsBefore) = (store.TransactionCount, store.CommitCount);
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(grains.Select(grain => Task.Run(async () =>
                {
                    for (var n = 0; n < appendsPerGrain; n++)
                    {
                        await grain.AppendAsync(Note);
                    }
                })));
                clock.Stop();
                transactions += store.TransactionCount - transactionsBefore;
                commits += store.CommitCount - commitsBefore;
                grainRate = Math.Max(grainRate, Grains * appendsPerGrain / clock.Elapsed.TotalSeconds);
            }
        }

        var averageBatch = (double)commits / transactions;
        var batch = Math.Max(1, (int)Math.Round(averageBatch));
        var rawRate = 0.0;
        for (var run = 0; run < runs; run++)
        {
            rawRate = Math.Max(rawRate, RawInserts(folder.File($"raw-{run}.db"), Grains * appendsPerGrain, batch));
        }

        var ratio = grainRate / rawRate;
        Report.Note($"{Grains} grains x {appendsPerGrain} appends, best of {runs}; the store's group commit averaged {averageBatch:F1} turns per transaction");
        report.Add(new Figure("(b)", $"durable append, {Grains} grains",
            $"{grainRate,9:N0} appends/s", $"raw SQLite {rawRate:N0} rows/s (batch {batch})", $"{ratio:F2}x", $">= {Goal:F1}x", ratio >= Goal,
            $"appends acknowledged only once fsynced run at {ratio:F2}x the rate of bare inserts of the same rows, fsynced in the same batches"));
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

        var payload = $$"""{"note":"{{Note}}"}""";
        var at = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var hash = RandomNumberGenerator.GetBytes(32);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO events(grain, seq, type, payload, at, user, prev_hash, hash) VALUES($grain, $seq, 'bench.NoteAppended', $payload, $at, 'system', $hash, $hash)";
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
                seq.Value = (written / Grains) + 1;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }
}
