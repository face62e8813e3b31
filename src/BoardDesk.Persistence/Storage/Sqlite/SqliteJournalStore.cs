using System.Security.Cryptography;
using BoardDesk.Grains;
using Microsoft.Data.Sqlite;

namespace BoardDesk.Persistence.Storage.Sqlite;

/// <summary>
/// The embedded journal store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a commit that was
/// acknowledged survives a crash of the process or the machine. One writer task takes every turn waiting to be
/// committed, writes them all in one transaction (each inside its own savepoint, so one bad turn does not sink the
/// others) and fsyncs once; readers use their own pooled connections and never wait for the writer.
/// Sealed boxes live in a <c>WITHOUT ROWID</c> table keyed by (grain, random 128-bit key) that holds nothing but the
/// value; see <see cref="IJournalStore"/> for their contract and <c>WriteSealedBox</c> for how it is kept here.
/// </summary>
public sealed class SqliteJournalStore(SqliteStoreOptions options, bool readOnly = false) : IJournalStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events(
            position  INTEGER PRIMARY KEY,
            grain     TEXT    NOT NULL,
            seq       INTEGER NOT NULL,
            type      TEXT    NOT NULL,
            payload   TEXT    NOT NULL,
            at        TEXT    NOT NULL,
            user      TEXT    NOT NULL,
            prev_hash BLOB    NOT NULL,
            hash      BLOB    NOT NULL,
            UNIQUE(grain, seq));
        CREATE TABLE IF NOT EXISTS snapshots(
            grain   TEXT    PRIMARY KEY,
            seq     INTEGER NOT NULL,
            version INTEGER NOT NULL,
            payload TEXT    NOT NULL,
            hash    BLOB    NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS documents(
            kind    TEXT NOT NULL,
            id      TEXT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY(kind, id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS sealed(
            grain TEXT NOT NULL,
            key   BLOB NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY(grain, key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS heads(
            grain     TEXT    PRIMARY KEY,
            seq       INTEGER NOT NULL,
            hash      BLOB    NOT NULL,
            signature BLOB    NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS checkpoint(
            id        INTEGER PRIMARY KEY CHECK(id = 1),
            journals  INTEGER NOT NULL,
            combined  BLOB    NOT NULL,
            signature BLOB    NOT NULL);
        """;

    private readonly CommitQueue _queue = new(nameof(SqliteJournalStore));
    private readonly Lock _initializing = new();
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.DatabasePath),
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    // The last sequence and hash of recently written journals, so an append need not read them back. Sound because
    // this store is the only writer of its file (the lock file); cleared when a batch fails or the cache grows large.
    private const int MaxCachedJournals = 100_000;
    private readonly Dictionary<string, (long Sequence, byte[] Hash)> _lastWritten = new(StringComparer.Ordinal);
    private FileStream? _lock;
    private long _transactions;
    private long _commits;
    private SqliteConnection? _writeConnection;
    private WriteCommands? _commands;
    private Task? _writer;
    private Task? _initialized;
    private JournalKey? _key;

    // The store's checkpoint as last committed: how many journals, and the XOR of their heads' signatures.
    private long _journals;
    private byte[] _combined = new byte[32];

    /// <summary>How many transactions (and so fsyncs) the writer has committed.</summary>
    public long TransactionCount => Interlocked.Read(ref _transactions);

    /// <summary>How many turns the writer has committed; divided by <see cref="TransactionCount"/>, the average batch.</summary>
    public long CommitCount => Interlocked.Read(ref _commits);

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // Several silos of one test process may share a store: the first to start opens it.
        lock (_initializing)
        {
            return _initialized ??= InitializeOnceAsync(cancellationToken);
        }
    }

    private async Task InitializeOnceAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _lock = await TakeLockAsync(Path.GetFullPath(options.DatabasePath) + ".lock", cancellationToken);
        _writeConnection = new SqliteConnection(_connectionString);
        await _writeConnection.OpenAsync(cancellationToken);
        // secure_delete=ON zeroes everything a delete frees, freelist pages included, so what a sealed box loses is not
        // left behind in the file (FAST leaves freed overflow and freelist pages as they were).
        await ExecuteAsync(_writeConnection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA secure_delete=ON;", cancellationToken);
        await ExecuteAsync(_writeConnection, Schema, cancellationToken);
        _key = JournalKey.Load(options.ResolvedKeyPath, create: true)!;
        _commands = new WriteCommands(_writeConnection);
        await LoadCheckpointAsync(cancellationToken);
        _writer = Task.Factory.StartNew(() => _queue.RunAsync(options.MaxBatchSize, WriteBatch, failed: _lastWritten.Clear), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(JournalCommit commit, CancellationToken cancellationToken = default) => _queue.Enqueue(commit);

    /// <inheritdoc />
    public async Task<JournalLoad> LoadAsync(JournalId grain, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        StoredSnapshot? snapshot = null;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT seq, version, payload, hash FROM snapshots WHERE grain = $grain";
            command.Parameters.AddWithValue("$grain", grain.ToString());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                snapshot = new StoredSnapshot(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), (byte[])reader.GetValue(3));
            }
        }

        var events = await ReadEventsAsync(connection, grain, snapshot?.Sequence ?? 0, cancellationToken);
        var load = new JournalLoad(snapshot, events);
        JournalCheckpoints.VerifyLoad(Key, grain, load, await ReadHeadAsync(connection, grain.ToString(), cancellationToken));
        return load;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(JournalId grain, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        return await ReadEventsAsync(connection, grain, afterSequence, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> LoadDocumentsAsync(string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, payload FROM documents WHERE kind = $kind";
        command.Parameters.AddWithValue("$kind", kind);
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents[reader.GetString(0)] = reader.GetString(1);
        }

        return documents;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> CountSealedAsync(JournalId grain, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM sealed WHERE grain = $grain";
        command.Parameters.AddWithValue("$grain", grain.ToString());
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var boxKey = Key.SealedBoxKey(grain);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var value = OpenSealed(reader, 0, boxKey, grain);
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        return counts;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalId>> ListGrainsAsync(string grainType, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // '0' sorts right after '/', so the range holds exactly the ids that start with "type/".
        command.CommandText = "SELECT DISTINCT grain FROM events WHERE grain >= $from AND grain < $to ORDER BY grain";
        command.Parameters.AddWithValue("$from", grainType + "/");
        command.Parameters.AddWithValue("$to", grainType + "0");
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
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        var walk = new ChainWalk();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT grain, seq, type, payload, at, user, prev_hash, hash FROM events ORDER BY grain, seq";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                walk.Add(reader.GetString(0), JournalRows.ReadEvent(reader, offset: 1));
            }
        }

        walk.Finish();
        var key = _key ?? JournalKey.Load(options.ResolvedKeyPath, create: false);
        if (key is null)
        {
            walk.Breaks.Add(new ChainBreak(JournalCheckpoints.Store, 0, $"the journal key ({options.ResolvedKeyPath}) is missing, so the signed checkpoints cannot be checked"));
            return new ChainVerification(walk.Journals, walk.Events, walk.Breaks);
        }

        var heads = new Dictionary<string, StoredHead>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT grain, seq, hash, signature FROM heads";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                heads[reader.GetString(0)] = new StoredHead(reader.GetInt64(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3));
            }
        }

        var (journals, combined, signature) = await ReadCheckpointAsync(connection, cancellationToken);
        JournalCheckpoints.CheckStore(key, walk, heads, journals, combined, signature);
        return new ChainVerification(walk.Journals, walk.Events, walk.Breaks);
    }

    /// <summary>Verifies a database file read-only, without taking it over: safe beside a running server.</summary>
    public static async Task<ChainVerification> VerifyDatabaseAsync(string databasePath, CancellationToken cancellationToken = default, string? keyPath = null)
    {
        var reader = new SqliteJournalStore(new SqliteStoreOptions { DatabasePath = databasePath, KeyPath = keyPath }, readOnly: true);
        return await reader.VerifyAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        if (_writer is null || _writer.IsCompleted)
        {
            return false;
        }

        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        return await command.ExecuteScalarAsync(cancellationToken) is long;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Close();
        if (_writer is not null)
        {
            await _writer;
        }

        Close();
    }

    /// <summary>
    /// Finishes the writes already queued and closes the database. Hosts that dispose their services synchronously
    /// come here; the lock on the data folder must be released either way.
    /// </summary>
    public void Dispose()
    {
        _queue.Close();
        _writer?.GetAwaiter().GetResult();
        Close();
    }

    private void Close()
    {
        _commands?.Dispose();
        _commands = null;
        _writeConnection?.Dispose();
        _writeConnection = null;
        SqliteConnection.ClearAllPools();
        _lock?.Dispose();
        _lock = null;
    }

    private static async Task<FileStream> TakeLockAsync(string path, CancellationToken cancellationToken)
    {
        // A process that is just closing the store, or a child process between fork and exec, can hold the lock
        // for a moment, so wait a little before concluding that another server owns the database.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException error) when (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The database {Path.GetFileName(path[..^".lock".Length])} is in use by another BoardDesk process; stop it, or give this one a data folder of its own.", error);
            }
            catch (IOException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Writes a batch in one transaction. If any turn's statements fail, the batch is rolled back and written again
    /// with a savepoint around each turn, so only the failing turn is refused.
    /// </summary>
    private ValueTask WriteBatch(IReadOnlyList<JournalCommit> batch, object[] outcomes)
    {
        if (!TryWrite(batch, outcomes, isolateTurns: false))
        {
            TryWrite(batch, outcomes, isolateTurns: true);
        }

        return ValueTask.CompletedTask;
    }

    private bool TryWrite(IReadOnlyList<JournalCommit> batch, object[] outcomes, bool isolateTurns)
    {
        var commands = _commands!;
        var written = new Dictionary<string, (long Sequence, byte[] Hash)>(StringComparer.Ordinal);
        var moved = new HeadMoves();
        using var transaction = _writeConnection!.BeginTransaction(deferred: false);
        commands.Enlist(transaction);
        for (var i = 0; i < batch.Count; i++)
        {
            if (isolateTurns)
            {
                commands.Savepoint.ExecuteNonQuery();
            }

            try
            {
                var result = Apply(commands, batch[i], written);
                outcomes[i] = result;
                if (isolateTurns)
                {
                    commands.Release.ExecuteNonQuery();
                }

                if (result.Committed)
                {
                    moved.Record(batch[i].Grain.ToString(), result);
                }
            }
            catch (Exception error) when (isolateTurns)
            {
                commands.RollbackToSavepoint.ExecuteNonQuery();
                commands.Release.ExecuteNonQuery();
                written.Remove(batch[i].Grain.ToString());
                outcomes[i] = error;
            }
            catch (Exception)
            {
                transaction.Rollback();
                return false;
            }
        }

        var (journals, combined) = WriteCheckpoints(commands, moved);
        transaction.Commit();
        (_journals, _combined) = (journals, combined);
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _commits, batch.Count);
        if (_lastWritten.Count + written.Count > MaxCachedJournals)
        {
            _lastWritten.Clear();
        }

        foreach (var (grain, last) in written)
        {
            _lastWritten[grain] = last;
        }

        return true;
    }

    private CommitResult Apply(WriteCommands commands, JournalCommit commit, Dictionary<string, (long Sequence, byte[] Hash)> written)
    {
        var grain = commit.Grain.ToString();
        List<StoredEvent> stored = [];
        if (commit.Events.Count > 0)
        {
            var (lastSequence, lastHash) = written.TryGetValue(grain, out var inBatch) ? inBatch
                : _lastWritten.TryGetValue(grain, out var cached) ? cached
                : ReadLast(commands, grain);
            if (lastSequence != commit.ExpectedSequence)
            {
                return CommitResult.Conflict(lastSequence);
            }

            stored = JournalRows.Chain(commit, lastSequence, lastHash);
            foreach (var e in stored)
            {
                var insert = commands.Insert.Parameters;
                insert[0].Value = grain;
                insert[1].Value = e.Sequence;
                insert[2].Value = e.Type;
                insert[3].Value = e.Payload;
                insert[4].Value = JournalRows.FormatTime(e.RecordedAt);
                insert[5].Value = e.User;
                insert[6].Value = e.PreviousHash;
                insert[7].Value = e.Hash;
                commands.Insert.ExecuteNonQuery();
            }

            var last = stored[^1];
            written[grain] = (last.Sequence, last.Hash);
            if (commit.SnapshotPayload is not null)
            {
                var snapshot = commands.Snapshot.Parameters;
                snapshot[0].Value = grain;
                snapshot[1].Value = last.Sequence;
                snapshot[2].Value = commit.SnapshotVersion;
                snapshot[3].Value = commit.SnapshotPayload;
                snapshot[4].Value = last.Hash;
                commands.Snapshot.ExecuteNonQuery();
            }

            if (commit.SealedBox is { } sealedBox)
            {
                WriteSealedBox(commands, grain, sealedBox);
            }
        }

        foreach (var document in commit.Documents ?? [])
        {
            var parameters = commands.Document.Parameters;
            parameters[0].Value = document.Kind;
            parameters[1].Value = document.Id;
            parameters[2].Value = document.Payload;
            commands.Document.ExecuteNonQuery();
        }

        return new CommitResult(true, commit.ExpectedSequence + stored.Count, stored);
    }

    /// <summary>
    /// Applies a turn's change to its grain's sealed box. Adding rewrites the whole box: the old rows are deleted (and
    /// zeroed, secure_delete) and every value is written again in sorted order under a fresh random key. So neither
    /// the keys, nor the order rows are written in, nor therefore where they sit in the file's pages, reflect when a
    /// value came: a copy of the file shows which values the box holds and nothing of their order.
    /// </summary>
    private void WriteSealedBox(WriteCommands commands, string grain, SealedBoxChange change)
    {
        var id = JournalId.Parse(grain);
        var boxKey = Key.SealedBoxKey(id);
        var values = new List<string>();
        if (!change.Emptied && change.Added.Count > 0)
        {
            commands.SealedValues.Parameters[0].Value = grain;
            using var reader = commands.SealedValues.ExecuteReader();
            while (reader.Read())
            {
                values.Add(OpenSealed(reader, 0, boxKey, id));
            }
        }

        if (change.Emptied || change.Added.Count > 0)
        {
            commands.EmptySealed.Parameters[0].Value = grain;
            commands.EmptySealed.ExecuteNonQuery();
        }

        values.AddRange(change.Added);

        // Every value is encrypted afresh (random nonce), and the rows go in in the order of their ciphertexts: the
        // order of rows, in the table and in the file's pages, is random at each rewrite and says nothing of arrival.
        var rows = values.Select(v => SealedValueCipher.Encrypt(boxKey, id, v)).OrderBy(c => Convert.ToHexString(c), StringComparer.Ordinal).ToList();
        foreach (var row in rows)
        {
            var parameters = commands.InsertSealed.Parameters;
            parameters[0].Value = grain;
            parameters[1].Value = RandomNumberGenerator.GetBytes(16);
            parameters[2].Value = row;
            commands.InsertSealed.ExecuteNonQuery();
        }
    }

    /// <summary>A sealed value as stored: encrypted (a blob), or plain text written before boxes were encrypted.</summary>
    private static string OpenSealed(SqliteDataReader reader, int ordinal, byte[] boxKey, JournalId grain) =>
        reader.GetFieldType(ordinal) == typeof(byte[])
            ? SealedValueCipher.Decrypt(boxKey, grain, (byte[])reader.GetValue(ordinal))
            : reader.GetString(ordinal);

    private JournalKey Key => _key ?? throw new InvalidOperationException("The journal store is not initialized.");

    /// <summary>
    /// Writes, in the batch's transaction, the signed checkpoint of every journal the batch moved and the store's
    /// checkpoint that combines them all; returns the store's new checkpoint, kept once the transaction commits.
    /// </summary>
    private (long Journals, byte[] Combined) WriteCheckpoints(WriteCommands commands, HeadMoves moved)
    {
        if (moved.Count == 0)
        {
            return (_journals, _combined);
        }

        var (journals, combined, heads) = moved.Sign(Key, _journals, _combined);
        foreach (var (grain, sequence, hash, signature) in heads)
        {
            var parameters = commands.UpsertHead.Parameters;
            parameters[0].Value = grain;
            parameters[1].Value = sequence;
            parameters[2].Value = hash;
            parameters[3].Value = signature;
            commands.UpsertHead.ExecuteNonQuery();
        }

        var checkpoint = commands.UpsertCheckpoint.Parameters;
        checkpoint[0].Value = journals;
        checkpoint[1].Value = combined;
        checkpoint[2].Value = Key.SignCheckpoint(journals, combined);
        commands.UpsertCheckpoint.ExecuteNonQuery();
        return (journals, combined);
    }

    /// <summary>
    /// Reads the store's checkpoint at start. A store that has journals but no checkpoint (written before checkpoints
    /// were kept) is checkpointed as it stands; a checkpoint whose signature does not match stops the start, since
    /// going on would sign over whatever changed it.
    /// </summary>
    private async Task LoadCheckpointAsync(CancellationToken cancellationToken)
    {
        var (journals, combined, signature) = await ReadCheckpointAsync(_writeConnection!, cancellationToken);
        if (signature is not null)
        {
            if (!CryptographicOperations.FixedTimeEquals(Key.SignCheckpoint(journals, combined), signature))
            {
                throw new InvalidDataException(
                    $"The journal store's signed checkpoint does not match: the database was changed outside BoardDesk, or {options.ResolvedKeyPath} is not the key it was written with. Run verify to see what changed.");
            }

            (_journals, _combined) = (journals, combined);
            return;
        }

        var heads = new HeadMoves();
        await using (var command = _writeConnection!.CreateCommand())
        {
            command.CommandText = "SELECT e.grain, e.seq, e.hash FROM events e JOIN (SELECT grain, max(seq) AS seq FROM events GROUP BY grain) m ON e.grain = m.grain AND e.seq = m.seq";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                heads.Record(reader.GetString(0), 0, EventHasher.Genesis, reader.GetInt64(1), (byte[])reader.GetValue(2));
            }
        }

        using var transaction = _writeConnection.BeginTransaction(deferred: false);
        _commands!.Enlist(transaction);
        (_journals, _combined) = (0, new byte[32]);
        var (count, all) = WriteCheckpoints(_commands, heads);
        if (heads.Count == 0)
        {
            var checkpoint = _commands.UpsertCheckpoint.Parameters;
            checkpoint[0].Value = 0L;
            checkpoint[1].Value = all;
            checkpoint[2].Value = Key.SignCheckpoint(0, all);
            _commands.UpsertCheckpoint.ExecuteNonQuery();
        }

        transaction.Commit();
        (_journals, _combined) = (count, all);
    }

    private static async Task<(long Journals, byte[] Combined, byte[]? Signature)> ReadCheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT journals, combined, signature FROM checkpoint WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2))
            : (0, new byte[32], null);
    }

    private static async Task<StoredHead?> ReadHeadAsync(SqliteConnection connection, string grain, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, hash, signature FROM heads WHERE grain = $grain";
        command.Parameters.AddWithValue("$grain", grain);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredHead(reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2)) : null;
    }

    private static (long Sequence, byte[] Hash) ReadLast(WriteCommands commands, string grain)
    {
        commands.Last.Parameters[0].Value = grain;
        using var reader = commands.Last.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : (0, EventHasher.Genesis);
    }

    private async Task<SqliteConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(SqliteConnection connection, JournalId grain, long afterSequence, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, type, payload, at, user, prev_hash, hash FROM events WHERE grain = $grain AND seq > $after ORDER BY seq";
        command.Parameters.AddWithValue("$grain", grain.ToString());
        command.Parameters.AddWithValue("$after", afterSequence);
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(JournalRows.ReadEvent(reader, offset: 0));
        }

        return events;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The writer's prepared statements, created once and re-enlisted in each batch's transaction.</summary>
    private sealed class WriteCommands : IDisposable
    {
        private readonly SqliteCommand[] _all;

        public WriteCommands(SqliteConnection connection)
        {
            Savepoint = Create(connection, "SAVEPOINT turn");
            Release = Create(connection, "RELEASE turn");
            RollbackToSavepoint = Create(connection, "ROLLBACK TO turn");
            Last = Create(connection, "SELECT seq, hash FROM events WHERE grain = $grain ORDER BY seq DESC LIMIT 1", "$grain");
            Insert = Create(connection,
                "INSERT INTO events(grain, seq, type, payload, at, user, prev_hash, hash) VALUES($grain, $seq, $type, $payload, $at, $user, $prev, $hash)",
                "$grain", "$seq", "$type", "$payload", "$at", "$user", "$prev", "$hash");
            Snapshot = Create(connection,
                "INSERT INTO snapshots(grain, seq, version, payload, hash) VALUES($grain, $seq, $version, $payload, $hash) " +
                "ON CONFLICT(grain) DO UPDATE SET seq = excluded.seq, version = excluded.version, payload = excluded.payload, hash = excluded.hash",
                "$grain", "$seq", "$version", "$payload", "$hash");
            Document = Create(connection,
                "INSERT INTO documents(kind, id, payload) VALUES($kind, $id, $payload) ON CONFLICT(kind, id) DO UPDATE SET payload = excluded.payload",
                "$kind", "$id", "$payload");
            SealedValues = Create(connection, "SELECT value FROM sealed WHERE grain = $grain", "$grain");
            EmptySealed = Create(connection, "DELETE FROM sealed WHERE grain = $grain", "$grain");
            InsertSealed = Create(connection, "INSERT INTO sealed(grain, key, value) VALUES($grain, $key, $value)", "$grain", "$key", "$value");
            UpsertHead = Create(connection,
                "INSERT INTO heads(grain, seq, hash, signature) VALUES($grain, $seq, $hash, $signature) " +
                "ON CONFLICT(grain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, signature = excluded.signature",
                "$grain", "$seq", "$hash", "$signature");
            UpsertCheckpoint = Create(connection,
                "INSERT INTO checkpoint(id, journals, combined, signature) VALUES(1, $journals, $combined, $signature) " +
                "ON CONFLICT(id) DO UPDATE SET journals = excluded.journals, combined = excluded.combined, signature = excluded.signature",
                "$journals", "$combined", "$signature");
            _all = [Savepoint, Release, RollbackToSavepoint, Last, Insert, Snapshot, Document, SealedValues, EmptySealed, InsertSealed, UpsertHead, UpsertCheckpoint];
        }

        public SqliteCommand Savepoint { get; }
        public SqliteCommand Release { get; }
        public SqliteCommand RollbackToSavepoint { get; }
        public SqliteCommand Last { get; }
        public SqliteCommand Insert { get; }
        public SqliteCommand Snapshot { get; }
        public SqliteCommand Document { get; }
        public SqliteCommand SealedValues { get; }
        public SqliteCommand EmptySealed { get; }
        public SqliteCommand InsertSealed { get; }
        public SqliteCommand UpsertHead { get; }
        public SqliteCommand UpsertCheckpoint { get; }

        public void Enlist(SqliteTransaction transaction)
        {
            foreach (var command in _all)
            {
                command.Transaction = transaction;
            }
        }

        public void Dispose()
        {
            foreach (var command in _all)
            {
                command.Dispose();
            }
        }

        private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            return command;
        }
    }
}
