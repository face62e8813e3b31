using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BoardDesk.Actions;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.PostgreSql;
using BoardDesk.Recommendations;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace BoardDesk.Benchmarks;

/// <summary>
/// (h) The cluster's store, PostgreSQL: durable appends from 64 grains against raw Npgsql inserts of the same rows in
/// the same batches; register and action-log queries over 10,000 recommendations and 100,000 actions against the
/// same queries in raw SQL on the same indexes; the mixed HTTP workload on one node and on three nodes. Skipped, with
/// the reason, where no PostgreSQL server answers.
/// </summary>
public static class PostgreSqlBenchmark
{
    private const int Grains = 64;
    private const double AppendGoal = 0.8;
    private const double QueryGoal = 2.0;
    private const string Note = "minute 4.2: the board noted the paper";
    private const int Organisations = 20;

    /// <summary>The names of the three parts, for <c>--part</c>.</summary>
    public static IReadOnlyList<string> Parts { get; } = ["appends", "queries", "workload"];

    /// <summary>Runs the three parts (or only <paramref name="part"/>, one of <see cref="Parts"/>), or says why not.</summary>
    public static async Task RunAsync(Report report, int appendsPerGrain, int runs, int recommendations, int actions, TimeSpan queryDuration, TimeSpan workloadDuration, string? part = null)
    {
        if (PostgreSql.SkipReason is { } reason)
        {
            Report.Note($"skipped: {reason}");
            return;
        }

        if (part is null or "appends")
        {
            await AppendsAsync(report, appendsPerGrain, runs);
        }

        if (part is null or "queries")
        {
            await QueriesAsync(report, recommendations, actions, queryDuration);
        }

        if (part is null or "workload")
        {
            await WorkloadAsync(report, workloadDuration);
        }
    }

    private static async Task AppendsAsync(Report report, int appendsPerGrain, int runs)
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        var store = new PostgreSqlJournalStore(new PostgreSqlStoreOptions { ConnectionString = database.ConnectionString, KeyPath = database.KeyPath });
        var grainRate = 0.0;
        var (transactions, commits) = (0L, 0L);
        await using (var host = await GrainHost.StartAsync(new GrainHostOptions(database.Folder.File("reminders.db"))
        {
            GrainAssemblies = [typeof(AppendGrain).Assembly],
            // Snapshots are off so that each turn writes one event row and nothing else, as the raw baseline does.
            Configure = o => o.SnapshotInterval = 0,
            Services = services => services.AddSingleton<IJournalStore>(store),
        }))
        {
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            var grains = Enumerable.Range(0, Grains).Select(i => factory.GetGrain<IAppendGrain>($"append-{i}")).ToArray();
            await Task.WhenAll(grains.Select(g => g.AppendAsync("warm-up")));
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

        await store.DisposeAsync();
        var averageBatch = (double)commits / transactions;
        var batch = Math.Max(1, (int)Math.Round(averageBatch));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var (rawRate, arrayRate) = (0.0, 0.0);
        for (var run = 0; run < runs; run++)
        {
            rawRate = Math.Max(rawRate, await RawInsertsAsync(dataSource, $"raw_events_{run}", Grains * appendsPerGrain, batch, asArrays: false));
            arrayRate = Math.Max(arrayRate, await RawInsertsAsync(dataSource, $"raw_array_events_{run}", Grains * appendsPerGrain, batch, asArrays: true));
        }

        var ratio = grainRate / rawRate;
        Report.Note($"{Grains} grains x {appendsPerGrain} appends, best of {runs}; the store's group commit averaged {averageBatch:F1} turns per transaction");
        report.Add(new Figure("(h)", $"PostgreSQL durable append, {Grains} grains",
            $"{grainRate,9:N0} appends/s", $"raw Npgsql {rawRate:N0} rows/s (batch {batch})", $"{ratio:F2}x", $">= {AppendGoal:F1}x", ratio >= AppendGoal,
            "appends through BoardDesk's store (chain, signed heads, checkpoint; a batch's entries in one statement) against a prepared INSERT a row of the same event rows, committed in the same batches"));
        report.Add(new Figure("(h)", $"PostgreSQL durable append, {Grains} grains, against array inserts",
            $"{grainRate,9:N0} appends/s", $"raw Npgsql {arrayRate:N0} rows/s (batch {batch})", $"{grainRate / arrayRate:F2}x", null, null,
            "the same appends against the fastest raw form: each batch's rows in one INSERT ... SELECT FROM unnest of parameter arrays, as the store sends them; the gap is the store's own work (Orleans calls, hashes, signatures, heads, checkpoint)"));
    }

    /// <summary>
    /// The same event rows as the store writes, <paramref name="batch"/> to a transaction: one prepared INSERT a row, or
    /// (<paramref name="asArrays"/>) one INSERT of the batch's rows as parameter arrays.
    /// </summary>
    private static async Task<double> RawInsertsAsync(NpgsqlDataSource dataSource, string table, int rows, int batch, bool asArrays)
    {
        await using (var setup = dataSource.CreateCommand($"""
            CREATE TABLE {table}(grain text NOT NULL, seq bigint NOT NULL, type text NOT NULL, payload text NOT NULL, at text NOT NULL,
                user_name text NOT NULL, prev_hash bytea NOT NULL, hash bytea NOT NULL, PRIMARY KEY (grain, seq))
            """))
        {
            await setup.ExecuteNonQueryAsync();
        }

        var payload = $$"""{"note":"{{Note}}"}""";
        var at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var hash = RandomNumberGenerator.GetBytes(32);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var insert = new NpgsqlCommand(asArrays
            ? $"INSERT INTO {table}(grain, seq, type, payload, at, user_name, prev_hash, hash) SELECT g, s, 'bench.NoteAppended', $3, $4, 'system', $5, $5 FROM unnest($1::text[], $2::bigint[]) AS t(g, s)"
            : $"INSERT INTO {table}(grain, seq, type, payload, at, user_name, prev_hash, hash) VALUES($1, $2, 'bench.NoteAppended', $3, $4, 'system', $5, $5)", connection);
        var grain = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = asArrays ? NpgsqlDbType.Array | NpgsqlDbType.Text : NpgsqlDbType.Text });
        var seq = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = asArrays ? NpgsqlDbType.Array | NpgsqlDbType.Bigint : NpgsqlDbType.Bigint });
        insert.Parameters.Add(new NpgsqlParameter { Value = payload });
        insert.Parameters.Add(new NpgsqlParameter { Value = at });
        insert.Parameters.Add(new NpgsqlParameter { Value = hash });
        await insert.PrepareAsync();

        var clock = Stopwatch.StartNew();
        for (var written = 0; written < rows;)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            var count = Math.Min(batch, rows - written);
            if (asArrays)
            {
                grain.Value = Enumerable.Range(written, count).Select(n => $"append/append-{n % Grains}").ToArray();
                seq.Value = Enumerable.Range(written, count).Select(n => (long)(n / Grains) + 1).ToArray();
                await insert.ExecuteNonQueryAsync();
            }
            else
            {
                for (var n = written; n < written + count; n++)
                {
                    grain.Value = $"append/append-{n % Grains}";
                    seq.Value = (long)(n / Grains) + 1;
                    await insert.ExecuteNonQueryAsync();
                }
            }

            written += count;
            await transaction.CommitAsync();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    private static async Task QueriesAsync(Report report, int recommendations, int actions, TimeSpan duration)
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var store = new PostgreSqlJournalStore(new PostgreSqlStoreOptions { ConnectionString = database.ConnectionString, KeyPath = database.KeyPath });
        await store.InitializeAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(dataSource, recommendations, actions);
        seeding.Stop();
        Report.Note($"copied {recommendations:N0} recommendations, {actions:N0} actions and {Organisations} organisations (two merged) into the documents table in {seeding.Elapsed.TotalSeconds:F1} s");

        var documents = new PostgreSqlDocuments(dataSource);
        var readModels = new ReadModels(store);
        var register = new RecommendationRegister(readModels, grains: null!, documents);
        var log = new ActionLog(readModels, TimeProvider.System, documents);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] merged = ["org-0", "org-1", "org-2"];
        const string Recommendation = "kind = 'RecommendationDetails'";
        const string Action = "kind = 'ActionDetails'";
        const string RegisterOrder = " ORDER BY rec_review, rec_number LIMIT 50";
        const string LogOrder = " ORDER BY act_due, id COLLATE \"C\" LIMIT 50";
        const string Counts = " GROUP BY rec_response, rec_status";

        var queries = new (string Name, Func<Task<int>> BoardDesk, string[] Raw, object[] Parameters)[]
        {
            ("register: first page, no filter", async () => (await register.QueryAsync(new RegisterQuery())).Total,
                [$"SELECT payload FROM documents WHERE {Recommendation}{RegisterOrder}", $"SELECT rec_response, rec_status, count(*) FROM documents WHERE {Recommendation}{Counts}"], []),
            ("register: review + response", async () => (await register.QueryAsync(new RegisterQuery { ReviewId = "review-3", Response = GovernmentResponse.AcceptedInFull })).Total,
                [$"SELECT payload FROM documents WHERE {Recommendation} AND rec_review = $1 AND rec_response = $2{RegisterOrder}",
                    $"SELECT rec_response, rec_status, count(*) FROM documents WHERE {Recommendation} AND rec_review = $1 AND rec_response = $2{Counts}"], ["review-3", "AcceptedInFull"]),
            ("register: owner with inherited", async () => (await register.QueryAsync(new RegisterQuery { OwnerId = "org-2" })).Total,
                [$"SELECT payload FROM documents WHERE {Recommendation} AND rec_lead = ANY($1){RegisterOrder}",
                    $"SELECT rec_response, rec_status, count(*) FROM documents WHERE {Recommendation} AND rec_lead = ANY($1){Counts}"], [merged]),
            ("register: status + RAG", async () => (await register.QueryAsync(new RegisterQuery { Status = ImplementationStatus.InProgress, Rag = RagRating.Red })).Total,
                [$"SELECT payload FROM documents WHERE {Recommendation} AND rec_status = $1 AND rec_rag = $2{RegisterOrder}",
                    $"SELECT rec_response, rec_status, count(*) FROM documents WHERE {Recommendation} AND rec_status = $1 AND rec_rag = $2{Counts}"], ["InProgress", "Red"]),
            ("register: text", async () => (await register.QueryAsync(new RegisterQuery { Text = "strategy" })).Total,
                [$"SELECT payload FROM documents WHERE {Recommendation} AND (rec_text ILIKE $1 OR rec_heading ILIKE $1){RegisterOrder}",
                    $"SELECT rec_response, rec_status, count(*) FROM documents WHERE {Recommendation} AND (rec_text ILIKE $1 OR rec_heading ILIKE $1){Counts}"], ["%strategy%"]),
            ("action log: first page, no filter", async () => (await log.QueryAsync(new ActionLogQuery())).Total,
                [$"SELECT payload FROM documents WHERE {Action}{LogOrder}", $"SELECT count(*) FROM documents WHERE {Action}"], []),
            ("action log: board + status", async () => (await log.QueryAsync(new ActionLogQuery { BoardId = "board-3", Status = ActionStatus.Open })).Total,
                [$"SELECT payload FROM documents WHERE {Action} AND act_board = $1 AND act_status = $2{LogOrder}",
                    $"SELECT count(*) FROM documents WHERE {Action} AND act_board = $1 AND act_status = $2"], ["board-3", "Open"]),
            ("action log: one owner's actions", async () => (await log.QueryAsync(new ActionLogQuery { Owner = "person-7" })).Total,
                [$"SELECT payload FROM documents WHERE {Action} AND act_owner = lower($1){LogOrder}", $"SELECT count(*) FROM documents WHERE {Action} AND act_owner = lower($1)"], ["person-7"]),
            ("action log: overdue", async () => (await log.QueryAsync(new ActionLogQuery { Overdue = true })).Total,
                [$"SELECT payload FROM documents WHERE {Action} AND (act_status <> 'Closed' AND act_due < $1){LogOrder}",
                    $"SELECT count(*) FROM documents WHERE {Action} AND (act_status <> 'Closed' AND act_due < $1)"], [today]),
            ("action log: organisation with inherited", async () => (await log.QueryAsync(new ActionLogQuery { OrganisationId = "org-2" })).Total,
                [$"SELECT payload FROM documents WHERE {Action} AND act_org = ANY($1){LogOrder}", $"SELECT count(*) FROM documents WHERE {Action} AND act_org = ANY($1)"], [merged]),
        };

        foreach (var (name, boardDesk, raw, parameters) in queries)
        {
            var matches = await boardDesk();
            var boardDeskRate = 0.0;
            var rawRate = 0.0;
            // Best of three runs each, interleaved so that a busy moment on the machine hits both alike.
            for (var run = 0; run < 3; run++)
            {
                boardDeskRate = Math.Max(boardDeskRate, await MeasureAsync(boardDesk, duration));
                rawRate = Math.Max(rawRate, await MeasureAsync(() => RawQueryAsync(dataSource, raw, parameters), duration));
            }

            var cost = rawRate / boardDeskRate;
            report.Add(new Figure("(h)", $"PostgreSQL {name}",
                $"{boardDeskRate,9:N0} queries/s", $"raw SQL {rawRate:N0}/s", $"{cost:F2}x cost", $"<= {QueryGoal:F0}x", cost <= QueryGoal,
                $"{matches:N0} matches, {1000 / boardDeskRate:F2} ms a query; the raw query runs the same SQL on the same index and reads the payloads as text"));
        }
    }

    private static async Task<int> RawQueryAsync(NpgsqlDataSource dataSource, string[] statements, object[] parameters)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var statement in statements)
        {
            var command = new NpgsqlBatchCommand(statement);
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            }

            batch.BatchCommands.Add(command);
        }

        var rows = 0;
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                _ = reader.GetValue(0);
                rows++;
            }
        }
        while (await reader.NextResultAsync());
        return rows;
    }

    private static async Task<double> MeasureAsync(Func<Task<int>> query, TimeSpan duration)
    {
        for (var i = 0; i < 5; i++)
        {
            await query();
        }

        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await query();
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Writes the documents straight into the table with COPY: only the queries are measured, not how the documents came to be.</summary>
    private static async Task SeedAsync(NpgsqlDataSource dataSource, int recommendations, int actions)
    {
        var random = new Random(2015);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var statuses = Enum.GetValues<ImplementationStatus>();
        var responses = Enum.GetValues<GovernmentResponse>();
        var rags = Enum.GetValues<RagRating>();
        var actionStatuses = Enum.GetValues<ActionStatus>();
        var sources = Enum.GetValues<ActionSourceKind>();
        var merger = new DateOnly(2016, 4, 1);

        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY documents(kind, id, payload, version) FROM STDIN (FORMAT BINARY)"))
        {
            async Task WriteAsync<T>(string id, T document) where T : class
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(ReadModels.KindOf(typeof(T)), NpgsqlDbType.Text);
                await copy.WriteAsync(id, NpgsqlDbType.Text);
                await copy.WriteAsync(JsonSerializer.Serialize(document, JournalJson.Options), NpgsqlDbType.Text);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
            }

            for (var o = 0; o < Organisations; o++)
            {
                await WriteAsync($"org-{o}", new OrganisationDetails
                {
                    Id = $"org-{o}",
                    Name = $"Organisation {o}",
                    Kind = OrganisationKind.ArmsLengthBody,
                    Successors = o < 2 ? [new OrganisationLink("org-2", LineageReason.Merger, merger)] : [],
                });
            }

            for (var i = 0; i < recommendations; i++)
            {
                var id = $"review-{i % 10}/{i / 10 + 1}";
                await WriteAsync(id, new RecommendationDetails
                {
                    Id = id,
                    ReviewId = $"review-{i % 10}",
                    Number = i / 10 + 1,
                    Text = $"Recommendation {i} on the training of managers" + (random.Next(10) == 0 ? ": a national strategy is needed." : "."),
                    Heading = "Training",
                    Response = responses[random.Next(responses.Length)],
                    Status = statuses[random.Next(statuses.Length)],
                    Rag = rags[random.Next(rags.Length)],
                    LeadOwner = new OwnerRef($"org-{random.Next(Organisations)}"),
                    OwnersSince = new DateOnly(2015, 7, 1),
                });
            }

            for (var i = 0; i < actions; i++)
            {
                var id = $"action-{i:000000}";
                await WriteAsync(id, new ActionDetails
                {
                    Id = id,
                    BoardId = $"board-{random.Next(20)}",
                    Description = $"Action {i}: report back to the board on progress",
                    Owner = new ActionOwner($"person-{random.Next(500)}", $"org-{random.Next(Organisations)}"),
                    DueOn = today.AddDays(random.Next(-200, 200)),
                    Source = new ActionSource(sources[random.Next(sources.Length)], $"ref-{i}"),
                    Status = actionStatuses[random.Next(actionStatuses.Length)],
                    Notes = random.Next(2) == 0 ? [new ActionNote(today, $"Progress on action {i}", "person-1")] : [],
                });
            }

            await copy.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE documents", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task WorkloadAsync(Report report, TimeSpan duration)
    {
        var one = await MixedWorkloadAsync(1, duration);
        var three = await MixedWorkloadAsync(3, duration);
        report.Add(new Figure("(h)", "PostgreSQL mixed HTTP workload, 3 nodes", $"{three,9:N0} requests/s", $"1 node {one:N0} requests/s", $"{three / one:F2}x", null, null,
            "reads of the register, organisations and a board with action updates from 64 clients spread over the nodes, every node on one PostgreSQL; on two cores three nodes share the cores one node had, so this shows the cost of spreading, not the gain of more machines"));
    }

    private static async Task<double> MixedWorkloadAsync(int nodes, TimeSpan duration)
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        var folders = new List<TemporaryFolder>();
        var servers = new List<ServerChild>();
        try
        {
            for (var n = 0; n < nodes; n++)
            {
                var folder = new TemporaryFolder();
                folders.Add(folder);
                servers.Add(await ServerChild.StartAsync(folder.Path, new Dictionary<string, string>
                {
                    ["BoardDesk:SamplePassword"] = RoleSplitBenchmark.Password,
                    ["BoardDesk:Store"] = "PostgreSql",
                    ["ConnectionStrings:BoardDesk"] = database.ConnectionString,
                    ["BoardDesk:JournalKeyPath"] = database.KeyPath,
                    ["BoardDesk:Cluster:ClusterId"] = "benchmark",
                }, new Dictionary<string, string>()));
            }

            return await RoleSplitBenchmark.MeasureAsync([.. servers.Select(s => s.Address)], duration);
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Dispose();
            }

            foreach (var folder in folders)
            {
                folder.Dispose();
            }
        }
    }
}
