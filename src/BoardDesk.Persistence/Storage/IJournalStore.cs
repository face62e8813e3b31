using BoardDesk.Grains;

namespace BoardDesk.Persistence.Storage;

/// <summary>
/// Durable storage for grain journals, snapshots, read-model documents and sealed boxes. A store commits
/// many grains' turns together (group commit) and acknowledges a commit only once it is durable. SQLite is the
/// embedded implementation; a server database fits the same contract through a unique key on (grain, sequence).
/// </summary>
/// <remarks>
/// A grain's sealed box (<see cref="SealedBoxChange"/>) is outside the hash chain and outside the read models. Its
/// contract: a value is written in the same transaction as the events of its turn, after their concurrency check, or
/// not at all; nothing the store keeps about a value (a column, a row id, a physical position, a system column such
/// as PostgreSQL's <c>xmin</c> or <c>ctid</c>, a commit time) may order the values or tie one to the commit or the
/// events it came with; the values are only ever counted (<see cref="CountSealedAsync"/>), never listed one by one,
/// found or changed; and what the store deletes from a box it does not leave readable in the file.
/// </remarks>
public interface IJournalStore : IAsyncDisposable
{
    /// <summary>Creates the schema if needed and starts the writer.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads a grain's latest snapshot and the events after it, checked against the chain and the journal's signed
    /// checkpoint: <see cref="JournalIntegrityException"/> when they do not match, so that no forged state is served.
    /// </summary>
    Task<JournalLoad> LoadAsync(JournalId grain, CancellationToken cancellationToken = default);

    /// <summary>Reads a grain's journal from the first entry after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(JournalId grain, long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>Commits one turn durably, or reports a conflict when the journal moved on.</summary>
    Task<CommitResult> CommitAsync(JournalCommit commit, CancellationToken cancellationToken = default);

    /// <summary>All read-model documents of one kind, as JSON keyed by id.</summary>
    Task<IReadOnlyDictionary<string, string>> LoadDocumentsAsync(string kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether other processes write this store too (the nodes of a cluster on one PostgreSQL database): then a node's
    /// read models are not the only writer of the documents it holds, and it asks the store for what changed.
    /// </summary>
    bool IsShared => false;

    /// <summary>
    /// The documents of one kind written after <paramref name="afterVersion"/> (all of them for a negative version),
    /// in the order of the commits that wrote them. A store that is not shared answers every document once.
    /// </summary>
    async Task<DocumentChanges> LoadDocumentsChangedAsync(string kind, long afterVersion, CancellationToken cancellationToken = default) =>
        afterVersion < 0 ? new DocumentChanges(0, await LoadDocumentsAsync(kind, cancellationToken)) : new DocumentChanges(afterVersion, new Dictionary<string, string>());

    /// <summary>How many of each value a grain's sealed box holds, as committed; an empty answer for an empty box.</summary>
    Task<IReadOnlyDictionary<string, int>> CountSealedAsync(JournalId grain, CancellationToken cancellationToken = default);

    /// <summary>The ids of every grain of one type that has a journal.</summary>
    Task<IReadOnlyList<JournalId>> ListGrainsAsync(string grainType, CancellationToken cancellationToken = default);

    /// <summary>
    /// Walks every journal's hash chain and names the first broken entry of each broken chain, then compares every
    /// journal with its signed checkpoint: names a journal cut short, removed, rewritten or added outside the store.
    /// </summary>
    Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>Answers whether the store can be read and written now.</summary>
    Task<bool> CheckHealthAsync(CancellationToken cancellationToken = default);
}
