using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.Sqlite;

namespace BoardDesk.Persistence.Tests;

/// <summary>The real SQLite store, except that another writer always gets there first: every append conflicts.</summary>
internal sealed class AlwaysMovingStore(string databasePath) : IJournalStore
{
    private readonly SqliteJournalStore _inner = new(new SqliteStoreOptions { DatabasePath = databasePath });
    private long _externalVersion;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _inner.InitializeAsync(cancellationToken);

    public Task<JournalLoad> LoadAsync(BoardDesk.Grains.GrainId grain, CancellationToken cancellationToken = default) => _inner.LoadAsync(grain, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(BoardDesk.Grains.GrainId grain, long afterSequence = 0, CancellationToken cancellationToken = default) =>
        _inner.ReadEventsAsync(grain, afterSequence, cancellationToken);

    public Task<CommitResult> CommitAsync(JournalCommit commit, CancellationToken cancellationToken = default) =>
        Task.FromResult(CommitResult.Conflict(Interlocked.Increment(ref _externalVersion) + commit.ExpectedSequence));

    public Task<IReadOnlyDictionary<string, string>> LoadDocumentsAsync(string kind, CancellationToken cancellationToken = default) => _inner.LoadDocumentsAsync(kind, cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> CountSealedAsync(BoardDesk.Grains.GrainId grain, CancellationToken cancellationToken = default) => _inner.CountSealedAsync(grain, cancellationToken);

    public Task<IReadOnlyList<StoredReminder>> LoadRemindersAsync(CancellationToken cancellationToken = default) => _inner.LoadRemindersAsync(cancellationToken);

    public Task<IReadOnlyList<BoardDesk.Grains.GrainId>> ListGrainsAsync(string grainType, CancellationToken cancellationToken = default) => _inner.ListGrainsAsync(grainType, cancellationToken);

    public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default) => _inner.VerifyAsync(cancellationToken);

    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken = default) => _inner.CheckHealthAsync(cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
