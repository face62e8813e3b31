using System.Security.Cryptography;
using BoardDesk.Grains;
using Npgsql;
using NpgsqlTypes;

namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>
/// The journal store every node of a cluster shares: PostgreSQL with its default durability (<c>synchronous_commit</c>
/// on, so an acknowledged commit is flushed to its write-ahead log). The same guarantees as the SQLite store:
/// <list type="bullet">
/// <item>one writer task per node takes every turn waiting, writes them in one transaction and so one flush (group
/// commit), in three round trips whatever the batch's size; a batch in which a turn's statements fail is written
/// again with a savepoint a turn, so that turn is refused alone;</item>
/// <item>an append is checked against its journal's signed head, read under the checkpoint lock (below), so one that
/// another writer (another node, or a second activation during a partition) got ahead of is reported as a conflict;
/// the primary key (grain, seq) refuses a second entry at a sequence all the same (entries are inserted with
/// <c>ON CONFLICT DO NOTHING</c>, and one not inserted is a conflict), so nothing is ever stored that was not checked
/// against the state it follows;</item>
/// <item>every batch first locks the store's checkpoint row, so batches of all nodes are serialised: the checkpoint's
/// XOR of signed heads stays exact, and the batch number it counts orders read-model documents for other nodes'
/// queries (<see cref="LoadDocumentsChangedAsync"/>).</item>
/// </list>
/// </summary>
public sealed class PostgreSqlJournalStore : IJournalStore
{
    private const string EventColumns = "seq, type, payload, at, user_name, prev_hash, hash";

    private readonly PostgreSqlStoreOptions _options;
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly CommitQueue _queue = new(nameof(PostgreSqlJournalStore));
    private readonly Lock _initializing = new();

    private Task? _writer;
    private Task? _initialized;
    private JournalKey? _key;
    private long _transactions;
    private long _commits;

    /// <summary>A store on <paramref name="options"/>' connection string.</summary>
    public PostgreSqlJournalStore(PostgreSqlStoreOptions options)
        : this(options, PostgreSqlDataSource.Create(options.ConnectionString), ownsDataSource: true)
    {
    }

    /// <summary>A store on a data source its caller owns.</summary>
    public PostgreSqlJournalStore(PostgreSqlStoreOptions options, NpgsqlDataSource dataSource, bool ownsDataSource = false)
    {
        _options = options;
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    /// <summary>How many transactions (and so flushes) this node's writer has committed.</summary>
    public long TransactionCount => Interlocked.Read(ref _transactions);

    /// <summary>How many turns this node's writer has committed.</summary>
    public long CommitCount => Interlocked.Read(ref _commits);

    /// <inheritdoc />
    public bool IsShared => true;

    private JournalKey Key => _key ?? throw new InvalidOperationException("The journal store is not initialized.");

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        lock (_initializing)
        {
            return _initialized ??= InitializeOnceAsync(cancellationToken);
        }
    }

    private async Task InitializeOnceAsync(CancellationToken cancellationToken)
    {
        await PostgreSqlSchema.MigrateAsync(_dataSource, cancellationToken);
        _key = JournalKey.Load(Path.GetFullPath(_options.KeyPath), create: true)!;
        await CheckpointAtStartAsync(cancellationToken);
        _writer = Task.Run(() => _queue.RunAsync(_options.MaxBatchSize, WriteAsync), CancellationToken.None);
    }

    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(JournalCommit commit, CancellationToken cancellationToken = default) => _queue.Enqueue(commit);

    /// <inheritdoc />
    public async Task<JournalLoad> LoadAsync(JournalId grain, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot of the database for snapshot, events and head, so a commit landing in between cannot make them disagree.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        StoredSnapshot? snapshot = null;
        await using (var command = new NpgsqlCommand("SELECT seq, version, payload, hash FROM snapshots WHERE grain = $1", connection, transaction))
        {
            command.Parameters.AddWithValue(grain.ToString());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                snapshot = new StoredSnapshot(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), (byte[])reader.GetValue(3));
            }
        }

        var events = await ReadEventsAsync(connection, transaction, grain, snapshot?.Sequence ?? 0, cancellationToken);
        var head = await ReadHeadAsync(connection, transaction, grain.ToString(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var load = new JournalLoad(snapshot, events);
        JournalCheckpoints.VerifyLoad(Key, grain, load, head);
        return load;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(JournalId grain, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadEventsAsync(connection, null, grain, afterSequence, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> LoadDocumentsAsync(string kind, CancellationToken cancellationToken = default) =>
        (await LoadDocumentsChangedAsync(kind, -1, cancellationToken)).Documents;

    /// <inheritdoc />
    public async Task<DocumentChanges> LoadDocumentsChangedAsync(string kind, long afterVersion, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT id, payload, version FROM documents WHERE kind = $1 AND version > $2 ORDER BY version");
        command.Parameters.AddWithValue(kind);
        command.Parameters.AddWithValue(afterVersion);
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        var version = Math.Max(afterVersion, 0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents[reader.GetString(0)] = reader.GetString(1);
            version = Math.Max(version, reader.GetInt64(2));
        }

        return new DocumentChanges(version, documents);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> CountSealedAsync(JournalId grain, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in await ReadSealedAsync(connection, null, grain, cancellationToken))
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        return counts;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalId>> ListGrainsAsync(string grainType, CancellationToken cancellationToken = default)
    {
        // The heads hold one row per journal; '0' sorts right after '/', so the range holds exactly "type/..." ids.
        await using var command = _dataSource.CreateCommand("SELECT grain FROM heads WHERE grain >= $1 AND grain < $2 ORDER BY grain COLLATE \"C\"");
        command.Parameters.AddWithValue(grainType + "/");
        command.Parameters.AddWithValue(grainType + "0");
        var ids = new List<JournalId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(JournalId.Parse(reader.GetString(0)));
        }

        return ids;
    }

    /// <inheritdoc />
    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var walk = new ChainWalk();
        await using (var command = new NpgsqlCommand($"SELECT grain, {EventColumns} FROM events ORDER BY grain, seq", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                walk.Add(reader.GetString(0), JournalRows.ReadEvent(reader, offset: 1));
            }
        }

        walk.Finish();
        var key = _key ?? JournalKey.Load(Path.GetFullPath(_options.KeyPath), create: false);
        if (key is null)
        {
            walk.Breaks.Add(new ChainBreak(JournalCheckpoints.Store, 0, $"the journal key ({Path.GetFullPath(_options.KeyPath)}) is missing, so the signed checkpoints cannot be checked"));
            return new ChainVerification(walk.Journals, walk.Events, walk.Breaks);
        }

        var heads = new Dictionary<string, StoredHead>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT grain, seq, hash, signature FROM heads", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                heads[reader.GetString(0)] = new StoredHead(reader.GetInt64(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3));
            }
        }

        var checkpoint = await ReadCheckpointAsync(connection, transaction, forUpdate: false, cancellationToken);
        JournalCheckpoints.CheckStore(key, walk, heads, checkpoint.Journals, checkpoint.Combined, checkpoint.Signature);
        return new ChainVerification(walk.Journals, walk.Events, walk.Breaks);
    }

    /// <inheritdoc />
    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        if (_writer is null || _writer.IsCompleted)
        {
            return false;
        }

        await using var command = _dataSource.CreateCommand("SELECT 1");
        return await command.ExecuteScalarAsync(cancellationToken) is 1;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Close();
        if (_writer is not null)
        {
            await _writer;
        }

        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    private async ValueTask WriteAsync(IReadOnlyList<JournalCommit> batch, object[] outcomes)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        if (!await TryWriteAtOnceAsync(connection, batch, outcomes))
        {
            await WriteTurnByTurnAsync(connection, batch, outcomes);
        }

        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _commits, batch.Count);
    }

    /// <summary>
    /// Writes the whole batch in three round trips whatever its size: lock and read the heads, every turn's statements
    /// with the new heads and checkpoint, commit. It gives up (rolling back, so nothing is written) when a statement
    /// fails or an insert finds its sequence taken, since then the turns must be told apart: the caller writes the
    /// batch again turn by turn.
    /// </summary>
    private async Task<bool> TryWriteAtOnceAsync(NpgsqlConnection connection, IReadOnlyList<JournalCommit> batch, object[] outcomes)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var start = await StartBatchAsync(connection, transaction, batch, readSealedBoxes: true);
        var writer = new BatchWriter(connection, transaction);
        var turns = new BatchTurns(Key, start);
        var rows = new TurnRows(start.Version);
        var sealedBoxes = new List<(string Sql, object[] Parameters)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var commit = batch[i];
            outcomes[i] = turns.Plan(commit);
            if (outcomes[i] is not CommitResult { Committed: true } result)
            {
                continue;
            }

            rows.Add(commit, result);
            if (commit.SealedBox is { } change)
            {
                var grain = commit.Grain.ToString();
                var values = start.SealedBoxes.TryGetValue(grain, out var box) ? box : start.SealedBoxes[grain] = [];
                sealedBoxes.AddRange(SealedBoxStatements(commit.Grain, change, values));
            }

            turns.Committed(commit.Grain, result);
        }

        // Every turn's rows go in one statement a table, each row an element of a parameter array.
        List<(string Sql, object[] Parameters)> statements = [.. rows.Statements(), .. sealedBoxes, .. turns.Closing()];
        int[] affected;
        try
        {
            affected = await writer.ExecuteBatchAsync(statements);
        }
        catch (PostgresException error) when (!error.IsTransient)
        {
            await transaction.RollbackAsync();
            return false;
        }

        if (rows.Events > 0 && affected[0] != rows.Events)
        {
            await transaction.RollbackAsync();
            return false;
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>
    /// Writes the batch with a savepoint a turn, so that a turn whose statements fail, or whose insert finds its
    /// sequence taken, is refused alone. A turn costs one round trip.
    /// </summary>
    private async Task WriteTurnByTurnAsync(NpgsqlConnection connection, IReadOnlyList<JournalCommit> batch, object[] outcomes)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var start = await StartBatchAsync(connection, transaction, batch, readSealedBoxes: false);
        var writer = new BatchWriter(connection, transaction);
        var turns = new BatchTurns(Key, start);
        for (var i = 0; i < batch.Count; i++)
        {
            var commit = batch[i];
            try
            {
                outcomes[i] = turns.Plan(commit);
                if (outcomes[i] is not CommitResult { Committed: true } result)
                {
                    continue;
                }

                // The turn's statements go to the database in one round trip, opening its savepoint (and releasing the last turn's).
                var rows = new TurnRows(start.Version);
                rows.Add(commit, result);
                var opening = writer.BeginTurn();
                var affected = await writer.ExecuteBatchAsync([.. opening, .. rows.Statements()]);
                if (rows.Events > 0 && affected[opening.Count] != rows.Events)
                {
                    // Written outside BoardDesk's writers, or its head was lost: the journal ends elsewhere than its head says.
                    await writer.RollBackTurnAsync();
                    outcomes[i] = CommitResult.Conflict((await ReadLastAsync(writer, commit.Grain.ToString())).Sequence);
                    continue;
                }

                if (commit.SealedBox is { } change)
                {
                    var values = change.Emptied ? [] : await ReadSealedAsync(connection, transaction, commit.Grain, CancellationToken.None);
                    foreach (var (sql, parameters) in SealedBoxStatements(commit.Grain, change, values))
                    {
                        await writer.ExecuteAsync(sql, parameters);
                    }
                }

                writer.EndTurn();
                turns.Committed(commit.Grain, result);
            }
            catch (Exception error) when (error is not NpgsqlException { IsTransient: true } && connection.FullState == System.Data.ConnectionState.Open)
            {
                // This turn's statements failed (a constraint, a value the database refuses): only this turn is refused.
                await writer.RollBackTurnAsync();
                outcomes[i] = error;
            }
        }

        // The last turn's savepoint, the signed heads and the checkpoint go in one round trip.
        await writer.ExecuteBatchAsync([.. writer.EndBatch(), .. turns.Closing()]);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// A batch's first round trip: lock the checkpoint row, so that every node's batches take turns (which keeps the
    /// XOR of signed heads exact and numbers batches in commit order, the version of the documents they write), and
    /// read the signed heads of the journals the batch appends to, which under that lock say where each one ends.
    /// </summary>
    private async Task<BatchStart> StartBatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<JournalCommit> batch, bool readSealedBoxes)
    {
        var grains = batch.Where(c => c.Events.Count > 0).Select(c => c.Grain.ToString()).Distinct(StringComparer.Ordinal).ToArray();
        var sealedGrains = readSealedBoxes
            ? batch.Where(c => c.SealedBox is { Emptied: false }).Select(c => c.Grain.ToString()).Distinct(StringComparer.Ordinal).ToArray()
            : [];
        await using var command = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT journals, combined, signature, batches FROM checkpoint WHERE id = 1 FOR UPDATE"),
                new NpgsqlBatchCommand("SELECT grain, seq, hash, signature FROM heads WHERE grain = ANY($1)") { Parameters = { new() { Value = grains } } },
                new NpgsqlBatchCommand("SELECT grain, value FROM sealed WHERE grain = ANY($1)") { Parameters = { new() { Value = sealedGrains } } },
            },
        };
        await using var reader = await command.ExecuteReaderAsync();
        (long Journals, byte[] Combined, byte[]? Signature, long Batches) checkpoint = await reader.ReadAsync()
            ? (reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2), reader.GetInt64(3))
            : (0, new byte[32], null, 0);
        if (checkpoint.Signature is null || !CryptographicOperations.FixedTimeEquals(Key.SignCheckpoint(checkpoint.Journals, checkpoint.Combined), checkpoint.Signature))
        {
            throw new InvalidDataException("The journal store's signed checkpoint does not match: the database was changed outside BoardDesk, or the journal key is not the one it was written with. Run verify to see what changed.");
        }

        var heads = new Dictionary<string, StoredHead>(StringComparer.Ordinal);
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            heads[reader.GetString(0)] = new StoredHead(reader.GetInt64(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3));
        }

        var sealedBoxes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            var grain = reader.GetString(0);
            if (!sealedBoxes.TryGetValue(grain, out var values))
            {
                sealedBoxes[grain] = values = [];
            }

            values.Add(SealedValueCipher.Decrypt(Key.SealedBoxKey(JournalId.Parse(grain)), JournalId.Parse(grain), (byte[])reader.GetValue(1)));
        }

        return new BatchStart(checkpoint.Journals, checkpoint.Combined, checkpoint.Batches + 1, heads, sealedBoxes);
    }

    /// <summary>
    /// The statements that apply a turn's change to its grain's sealed box, given the box's <paramref name="values"/>
    /// before it (updated in place). Any change rewrites the whole box: the old rows are deleted and every value is
    /// encrypted afresh (random nonce) and inserted in the order of its ciphertext, which is random at each rewrite.
    /// So every live row of a box carries the same inserting transaction (<c>xmin</c>) and a position (<c>ctid</c>)
    /// that says nothing of when its value came; the table is vacuumed eagerly (its storage parameters) so that
    /// superseded versions, ciphertexts under nonces never used again, do not linger.
    /// </summary>
    private List<(string Sql, object[] Parameters)> SealedBoxStatements(JournalId grain, SealedBoxChange change, List<string> values)
    {
        if (change.Emptied)
        {
            values.Clear();
        }
        else if (change.Added.Count == 0)
        {
            return [];
        }

        values.AddRange(change.Added);
        var boxKey = Key.SealedBoxKey(grain);
        var rows = values.Select(v => SealedValueCipher.Encrypt(boxKey, grain, v)).OrderBy(c => Convert.ToHexString(c), StringComparer.Ordinal).ToArray();
        List<(string Sql, object[] Parameters)> statements = [("DELETE FROM sealed WHERE grain = $1", [grain.ToString()])];
        if (rows.Length > 0)
        {
            statements.Add(("INSERT INTO sealed(grain, value) SELECT $1, v FROM unnest($2::bytea[]) WITH ORDINALITY AS t(v, n) ORDER BY n", [grain.ToString(), rows]));
        }

        return statements;
    }

    private async Task<List<string>> ReadSealedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, JournalId grain, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT value FROM sealed WHERE grain = $1", connection, transaction);
        command.Parameters.AddWithValue(grain.ToString());
        var boxKey = Key.SealedBoxKey(grain);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(SealedValueCipher.Decrypt(boxKey, grain, (byte[])reader.GetValue(0)));
        }

        return values;
    }

    /// <summary>
    /// Makes sure the store has a signed checkpoint: an empty database gets one for no journals; a database whose
    /// journals were written without one (copied in by hand) is checkpointed as it stands. A checkpoint whose
    /// signature does not match stops the start, since going on would sign over whatever changed it.
    /// </summary>
    private async Task CheckpointAtStartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE checkpoint IN EXCLUSIVE MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(cancellationToken);
        }

        var checkpoint = await ReadCheckpointAsync(connection, transaction, forUpdate: true, cancellationToken);
        if (checkpoint.Signature is not null)
        {
            if (!CryptographicOperations.FixedTimeEquals(Key.SignCheckpoint(checkpoint.Journals, checkpoint.Combined), checkpoint.Signature))
            {
                throw new InvalidDataException(
                    $"The journal store's signed checkpoint does not match: the database was changed outside BoardDesk, or {Path.GetFullPath(_options.KeyPath)} is not the key it was written with. Run verify to see what changed.");
            }

            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var writer = new BatchWriter(connection, transaction);
        var moves = new HeadMoves();
        await using (var command = new NpgsqlCommand("SELECT DISTINCT ON (grain) grain, seq, hash FROM events ORDER BY grain, seq DESC", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                moves.Record(reader.GetString(0), 0, EventHasher.Genesis, reader.GetInt64(1), (byte[])reader.GetValue(2));
            }
        }

        var (journals, combined, heads) = moves.Sign(Key, 0, new byte[32]);
        foreach (var (grain, sequence, hash, signature) in heads)
        {
            await writer.ExecuteAsync(
                "INSERT INTO heads(grain, seq, hash, signature) VALUES($1, $2, $3, $4) ON CONFLICT(grain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, signature = excluded.signature",
                grain, sequence, hash, signature);
        }

        await writer.ExecuteAsync("INSERT INTO checkpoint(id, journals, combined, signature, batches) VALUES(1, $1, $2, $3, 0)",
            journals, combined, Key.SignCheckpoint(journals, combined));
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<(long Journals, byte[] Combined, byte[]? Signature, long Batches)> ReadCheckpointAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT journals, combined, signature, batches FROM checkpoint WHERE id = 1" + (forUpdate ? " FOR UPDATE" : ""), connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2), reader.GetInt64(3))
            : (0, new byte[32], null, 0);
    }

    private static async Task<StoredHead?> ReadHeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string grain, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT seq, hash, signature FROM heads WHERE grain = $1", connection, transaction);
        command.Parameters.AddWithValue(grain);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredHead(reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2)) : null;
    }

    private static async Task<(long Sequence, byte[] Hash)> ReadLastAsync(BatchWriter writer, string grain)
    {
        await using var command = new NpgsqlCommand("SELECT seq, hash FROM events WHERE grain = $1 ORDER BY seq DESC LIMIT 1", writer.Connection, writer.Transaction);
        command.Parameters.AddWithValue(grain);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : (0, EventHasher.Genesis);
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, JournalId grain, long afterSequence, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {EventColumns} FROM events WHERE grain = $1 AND seq > $2 ORDER BY seq", connection, transaction);
        command.Parameters.AddWithValue(grain.ToString());
        command.Parameters.AddWithValue(afterSequence);
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(JournalRows.ReadEvent(reader, offset: 0));
        }

        return events;
    }

    /// <summary>What a batch's first round trip found: the store's checkpoint, the heads and sealed boxes it read.</summary>
    private sealed record BatchStart(long Journals, byte[] Combined, long Version, Dictionary<string, StoredHead> Heads, Dictionary<string, List<string>> SealedBoxes);

    /// <summary>
    /// The rows of one or more written turns, as one statement a table with a parameter array a column: the entries,
    /// the snapshots and the read-model documents. A snapshot or document written twice keeps the later version, as
    /// writing them one after the other would.
    /// </summary>
    private sealed class TurnRows(long version)
    {
        private readonly List<(string Grain, StoredEvent Entry)> _events = [];
        private readonly Dictionary<string, (long Sequence, int Version, string Payload, byte[] Hash)> _snapshots = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Kind, string Id), string> _documents = [];

        /// <summary>How many entries the rows hold: what the entries' statement, the first, must insert.</summary>
        public int Events => _events.Count;

        /// <summary>Adds <paramref name="commit"/>'s rows, its entries being <paramref name="result"/>'s.</summary>
        public void Add(JournalCommit commit, CommitResult result)
        {
            var grain = commit.Grain.ToString();
            _events.AddRange(result.Events.Select(e => (grain, e)));
            if (commit.SnapshotPayload is not null && result.Events.Count > 0)
            {
                _snapshots[grain] = (result.Events[^1].Sequence, commit.SnapshotVersion, commit.SnapshotPayload, result.Events[^1].Hash);
            }

            foreach (var document in commit.Documents ?? [])
            {
                _documents[(document.Kind, document.Id)] = document.Payload;
            }
        }

        /// <summary>The statements, entries first; an entry whose sequence is taken is not inserted (and so not counted).</summary>
        public List<(string Sql, object[] Parameters)> Statements()
        {
            var statements = new List<(string Sql, object[] Parameters)>(3);
            if (_events.Count > 0)
            {
                statements.Add((
                    "INSERT INTO events(grain, seq, type, payload, at, user_name, prev_hash, hash) " +
                    "SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[], $8::bytea[]) ON CONFLICT (grain, seq) DO NOTHING",
                    [_events.Select(e => e.Grain).ToArray(), _events.Select(e => e.Entry.Sequence).ToArray(), _events.Select(e => e.Entry.Type).ToArray(),
                        _events.Select(e => e.Entry.Payload).ToArray(), _events.Select(e => JournalRows.FormatTime(e.Entry.RecordedAt)).ToArray(),
                        _events.Select(e => e.Entry.User).ToArray(), _events.Select(e => e.Entry.PreviousHash).ToArray(), _events.Select(e => e.Entry.Hash).ToArray()]));
            }

            if (_snapshots.Count > 0)
            {
                statements.Add((
                    "INSERT INTO snapshots(grain, seq, version, payload, hash) SELECT * FROM unnest($1::text[], $2::bigint[], $3::integer[], $4::text[], $5::bytea[]) " +
                    "ON CONFLICT(grain) DO UPDATE SET seq = excluded.seq, version = excluded.version, payload = excluded.payload, hash = excluded.hash",
                    [_snapshots.Keys.ToArray(), _snapshots.Values.Select(v => v.Sequence).ToArray(), _snapshots.Values.Select(v => v.Version).ToArray(),
                        _snapshots.Values.Select(v => v.Payload).ToArray(), _snapshots.Values.Select(v => v.Hash).ToArray()]));
            }

            if (_documents.Count > 0)
            {
                statements.Add((
                    "INSERT INTO documents(kind, id, payload, version) SELECT kind, id, payload, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS d(kind, id, payload) " +
                    "ON CONFLICT(kind, id) DO UPDATE SET payload = excluded.payload, version = excluded.version",
                    [_documents.Keys.Select(k => k.Kind).ToArray(), _documents.Keys.Select(k => k.Id).ToArray(), _documents.Values.ToArray(), version]));
            }

            return statements;
        }
    }

    /// <summary>
    /// Plans a batch's turns in order: each journal's end (its signed head, then whatever earlier turns of the batch
    /// appended), the statements of each turn, and the heads and checkpoint the written turns move.
    /// </summary>
    private sealed class BatchTurns(JournalKey key, BatchStart start)
    {
        private readonly Dictionary<string, (long Sequence, byte[] Hash)> _ends = new(StringComparer.Ordinal);
        private readonly HeadMoves _moved = new();

        /// <summary>
        /// The entries <paramref name="commit"/> appends (a <see cref="CommitResult"/>), or why it is refused: a
        /// conflict when its journal no longer ends where the grain expects, or a head whose signature does not match.
        /// </summary>
        public object Plan(JournalCommit commit)
        {
            if (commit.Events.Count == 0)
            {
                return new CommitResult(true, commit.ExpectedSequence, []);
            }

            var grain = commit.Grain.ToString();
            var (lastSequence, lastHash) = (0L, EventHasher.Genesis);
            if (_ends.TryGetValue(grain, out var end))
            {
                (lastSequence, lastHash) = end;
            }
            else if (start.Heads.TryGetValue(grain, out var head))
            {
                if (!CryptographicOperations.FixedTimeEquals(key.SignHead(grain, head.Sequence, head.Hash), head.Signature))
                {
                    return new JournalIntegrityException(commit.Grain, "its checkpoint's signature does not match (the checkpoint was altered)");
                }

                (lastSequence, lastHash) = (head.Sequence, head.Hash);
            }

            if (lastSequence != commit.ExpectedSequence)
            {
                return CommitResult.Conflict(lastSequence);
            }

            var stored = JournalRows.Chain(commit, lastSequence, lastHash);
            return new CommitResult(true, commit.ExpectedSequence + stored.Count, stored);
        }

        /// <summary>Records that <paramref name="result"/>, planned for <paramref name="grain"/>, is written: later turns follow on from it.</summary>
        public void Committed(JournalId grain, CommitResult result)
        {
            if (result.Events.Count == 0)
            {
                return;
            }

            var id = grain.ToString();
            _moved.Record(id, result);
            _ends[id] = (result.Events[^1].Sequence, result.Events[^1].Hash);
        }

        /// <summary>The statements that write the moved journals' signed heads and the store's new checkpoint.</summary>
        public List<(string Sql, object[] Parameters)> Closing()
        {
            var (journals, combined, heads) = _moved.Sign(key, start.Journals, start.Combined);
            var statements = new List<(string Sql, object[] Parameters)>(2);
            if (heads.Count > 0)
            {
                statements.Add((
                    "INSERT INTO heads(grain, seq, hash, signature) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::bytea[]) " +
                    "ON CONFLICT(grain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, signature = excluded.signature",
                    [heads.Select(h => h.Grain).ToArray(), heads.Select(h => h.Sequence).ToArray(), heads.Select(h => h.Hash).ToArray(), heads.Select(h => h.Signature).ToArray()]));
            }

            statements.Add(("UPDATE checkpoint SET journals = $1, combined = $2, signature = $3, batches = $4 WHERE id = 1",
                [journals, combined, key.SignCheckpoint(journals, combined), start.Version]));
            return statements;
        }
    }

    /// <summary>Runs the batch's statements on its connection and transaction, with positional parameters.</summary>
    private sealed class BatchWriter(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        public NpgsqlConnection Connection { get; } = connection;

        public NpgsqlTransaction Transaction { get; } = transaction;

        // A committed turn's savepoint stays open until the next round trip, which releases it first: a turn then
        // costs one round trip. Two savepoints of one name nest, and ROLLBACK TO and RELEASE act on the newer.
        private bool _releasePending;

        /// <summary>Whether the current turn's savepoint is open in the database.</summary>
        public bool TurnOpen { get; private set; }

        public async Task<int> ExecuteAsync(string sql, params object[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, Connection, Transaction);
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(Parameter(parameter));
            }

            return await command.ExecuteNonQueryAsync();
        }

        /// <summary>The statements a turn's first round trip starts with: release the last turn's savepoint, open this turn's.</summary>
        public List<(string Sql, object[] Parameters)> BeginTurn() => [.. EndBatch(), ("SAVEPOINT turn", [])];

        /// <summary>The statements that release the last committed turn's savepoint, if it is still open.</summary>
        public List<(string Sql, object[] Parameters)> EndBatch() => _releasePending ? [("RELEASE SAVEPOINT turn", [])] : [];

        /// <summary>The turn committed: its savepoint is released with the next round trip.</summary>
        public void EndTurn()
        {
            TurnOpen = false;
            _releasePending = true;
        }

        /// <summary>Undoes whatever the turn wrote, if it wrote anything.</summary>
        public async Task RollBackTurnAsync()
        {
            if (TurnOpen)
            {
                await ExecuteAsync("ROLLBACK TO SAVEPOINT turn; RELEASE SAVEPOINT turn");
                TurnOpen = false;
            }
        }

        /// <summary>Runs <paramref name="statements"/> in one round trip; answers the rows each statement changed.</summary>
        public async Task<int[]> ExecuteBatchAsync(List<(string Sql, object[] Parameters)> statements)
        {
            await using var batch = new NpgsqlBatch(Connection, Transaction);
            foreach (var (sql, parameters) in statements)
            {
                // The savepoint statements come first and run before any later statement of the batch can fail.
                if (sql == "RELEASE SAVEPOINT turn")
                {
                    _releasePending = false;
                }
                else if (sql == "SAVEPOINT turn")
                {
                    TurnOpen = true;
                }

                var command = new NpgsqlBatchCommand(sql);
                foreach (var parameter in parameters)
                {
                    command.Parameters.Add(Parameter(parameter));
                }

                batch.BatchCommands.Add(command);
            }

            if (batch.BatchCommands.Count == 0)
            {
                return [];
            }

            await batch.ExecuteNonQueryAsync();
            var affected = new int[batch.BatchCommands.Count];
            for (var i = 0; i < affected.Length; i++)
            {
                affected[i] = batch.BatchCommands[i].RecordsAffected;
            }

            return affected;
        }

        private static NpgsqlParameter Parameter(object value) => value is byte[][] rows
            ? new NpgsqlParameter { Value = rows, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea }
            : new NpgsqlParameter { Value = value };
    }
}
