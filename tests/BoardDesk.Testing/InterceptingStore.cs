using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.Sqlite;

namespace BoardDesk.Testing;

/// <summary>
/// The real SQLite store with a hook in front of each commit, for tests of what grains do when the store conflicts,
/// fails or is slow: <see cref="Commit"/> decides, given the commit and the real store's way to write it.
/// </summary>
public sealed class InterceptingStore(string databasePath) : IJournalStore
{
    private readonly SqliteJournalStore _inner = new(new SqliteStoreOptions { DatabasePath = databasePath });
    private int _commitAttempts;

    /// <summary>Decides each commit; the default writes it to the real store.</summary>
    public Func<JournalCommit, Func<Task<CommitResult>>, Task<CommitResult>> Commit { get; set; } = (_, write) => write();

    /// <summary>How many commits grains have attempted, retries included.</summary>
    public int CommitAttempts => Volatile.Read(ref _commitAttempts);

    /// <summary>A store on which another writer always got there first: every append conflicts.</summary>
    public static InterceptingStore AlwaysMoving(string databasePath)
    {
        var external = 0L;
        return new InterceptingStore(databasePath)
        {
            Commit = (commit, _) => Task.FromResult(CommitResult.Conflict(Interlocked.Increment(ref external) + commit.ExpectedSequence)),
        };
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _inner.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public Task<JournalLoad> LoadAsync(JournalId grain, CancellationToken cancellationToken = default) => _inner.LoadAsync(grain, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(JournalId grain, long afterSequence = 0, CancellationToken cancellationToken = default) =>
        _inner.ReadEventsAsync(grain, afterSequence, cancellationToken);

    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(JournalCommit commit, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commitAttempts);
        return Commit(commit, () => _inner.CommitAsync(commit, cancellationToken));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> LoadDocumentsAsync(string kind, CancellationToken cancellationToken = default) => _inner.LoadDocumentsAsync(kind, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, int>> CountSealedAsync(JournalId grain, CancellationToken cancellationToken = default) => _inner.CountSealedAsync(grain, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalId>> ListGrainsAsync(string grainType, CancellationToken cancellationToken = default) => _inner.ListGrainsAsync(grainType, cancellationToken);

    /// <inheritdoc />
    public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default) => _inner.VerifyAsync(cancellationToken);

    /// <inheritdoc />
    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken = default) => _inner.CheckHealthAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
