using System.Collections.Concurrent;
using System.Text.Json;
using BoardDesk.Persistence.Storage;

namespace BoardDesk.Persistence;

/// <summary>
/// Query side of the grains: the read-model documents grains publish (see <c>JournaledGrain.ReadModel</c>), held
/// in memory per document type and loaded from the store on first use. A document is published only after the
/// turn that produced it is durable, so a query never shows a state the journals do not hold. On a store that other
/// nodes write too (<see cref="IJournalStore.IsShared"/>) every query first takes from the store the documents written
/// since this node last asked (one indexed read), so a change acknowledged by any node shows in the next query here.
/// </summary>
public sealed class ReadModels(IJournalStore store) : IReadModels
{
    private readonly ConcurrentDictionary<string, Kind> _kinds = new(StringComparer.Ordinal);

    /// <summary>Tells this process's documents from another's (or from this silo's before a restart) in a snapshot.</summary>
    private readonly string _epoch = Guid.NewGuid().ToString("N");

    /// <summary>The document kind a type is stored under: its type name.</summary>
    public static string KindOf(Type documentType) => documentType.Name;

    /// <summary>Every document of type <typeparamref name="T"/>.</summary>
    public async Task<IReadOnlyCollection<T>> AllAsync<T>(CancellationToken cancellationToken = default) where T : class =>
        Current<T>(await LoadedAsync(typeof(T), cancellationToken));

    /// <summary>
    /// On a shared store, the store version up to which this node holds the documents of <typeparamref name="T"/> (-1
    /// before the first read); null on a store only this node writes. A caller that reads the store in one round trip
    /// anyway can take the changes since then in that same read and give them to <see cref="AllWithChangesAsync{T}"/>.
    /// </summary>
    public long? HeldVersion<T>() where T : class
    {
        if (!store.IsShared)
        {
            return null;
        }

        var kind = _kinds.GetOrAdd(KindOf(typeof(T)), static _ => new Kind());
        return kind.Loaded ? Interlocked.Read(ref kind.StoreVersion) : -1;
    }

    /// <summary>
    /// Every document of type <typeparamref name="T"/> after applying <paramref name="changes"/>, the documents the caller
    /// read from the store (after its query began) that were written since <paramref name="heldVersion"/>: a refresh
    /// without a round trip of its own. Null when another refresh moved this node's copy on meanwhile, for then the
    /// changes cannot be ordered against it: the caller asks <see cref="AllAsync{T}"/> instead.
    /// </summary>
    public async Task<IReadOnlyCollection<T>?> AllWithChangesAsync<T>(long heldVersion, DocumentChanges changes, CancellationToken cancellationToken = default) where T : class
    {
        var kind = _kinds.GetOrAdd(KindOf(typeof(T)), static _ => new Kind());
        await kind.Loading.WaitAsync(cancellationToken);
        try
        {
            if ((kind.Loaded ? kind.StoreVersion : -1) != heldVersion)
            {
                return null;
            }

            if (changes.Documents.Count > 0)
            {
                foreach (var (key, payload) in changes.Documents)
                {
                    kind.Documents[key] = JsonSerializer.Deserialize<T>(payload, JournalJson.Options)!;
                }

                Interlocked.Increment(ref kind.Version);
            }

            // The refresh counters are left alone: this read served only its caller.
            kind.StoreVersion = changes.Version;
            kind.Loaded = true;
        }
        finally
        {
            kind.Loading.Release();
        }

        return Current<T>(kind);
    }

    /// <summary>The document of type <typeparamref name="T"/> published by the grain with this key, or null.</summary>
    public async Task<T?> FindAsync<T>(string key, CancellationToken cancellationToken = default) where T : class
    {
        var kind = await LoadedAsync(typeof(T), cancellationToken);
        return kind.Documents.TryGetValue(key, out var document) ? (T)document : null;
    }

    /// <summary>
    /// Every document of <paramref name="documentType"/> as JSON with its key, unless the caller's copy is current
    /// (same <paramref name="epoch"/> and <paramref name="version"/>): what a node without a silo asks of the silo.
    /// </summary>
    public async Task<ReadModelSnapshot?> SnapshotIfChangedAsync(Type documentType, string? epoch, long version, CancellationToken cancellationToken = default)
    {
        var kind = await LoadedAsync(documentType, cancellationToken);
        var current = Interlocked.Read(ref kind.Version);
        if (epoch == _epoch && version == current)
        {
            return null;
        }

        var entries = kind.Documents.ToArray();
        return new ReadModelSnapshot(
            _epoch,
            current,
            [.. entries.Select(e => e.Key)],
            [.. entries.Select(e => JsonSerializer.Serialize(e.Value, documentType, JournalJson.Options))]);
    }

    internal void Publish(string key, object document)
    {
        if (store.IsShared)
        {
            // The store orders documents across nodes; a copy published here could be overtaken by an older one read back.
            return;
        }

        var kind = _kinds.GetOrAdd(KindOf(document.GetType()), static _ => new Kind());
        kind.Documents[key] = document;
        Interlocked.Increment(ref kind.Version);
    }

    private static T[] Current<T>(Kind kind) where T : class
    {
        // Queries share one array until a publish changes the kind, so a query does not copy every document.
        var version = Interlocked.Read(ref kind.Version);
        if (Volatile.Read(ref kind.Snapshot) is { } snapshot && snapshot.Version == version)
        {
            return (T[])snapshot.Documents;
        }

        var fresh = kind.Documents.Values.Cast<T>().ToArray();
        if (Interlocked.Read(ref kind.Version) == version)
        {
            Volatile.Write(ref kind.Snapshot, new Snapshot(version, fresh));
        }

        return fresh;
    }

    private async Task<Kind> LoadedAsync(Type documentType, CancellationToken cancellationToken)
    {
        var name = KindOf(documentType);
        var kind = _kinds.GetOrAdd(name, static _ => new Kind());
        if (store.IsShared)
        {
            await RefreshAsync(kind, documentType, name, cancellationToken);
            return kind;
        }

        if (kind.Loaded)
        {
            return kind;
        }

        await kind.Loading.WaitAsync(cancellationToken);
        try
        {
            if (!kind.Loaded)
            {
                // Documents published while this load runs are newer than what it reads, so they win (TryAdd).
                foreach (var (key, payload) in await store.LoadDocumentsAsync(name, cancellationToken))
                {
                    kind.Documents.TryAdd(key, JsonSerializer.Deserialize(payload, documentType, JournalJson.Options)!);
                }

                Interlocked.Increment(ref kind.Version);
                kind.Loaded = true;
            }
        }
        finally
        {
            kind.Loading.Release();
        }

        return kind;
    }

    /// <summary>
    /// Takes the documents written since the last refresh. A query waits for a refresh that began after it did (one
    /// refresh serves every query that was waiting when it began), so it sees every commit acknowledged before it.
    /// </summary>
    private async Task RefreshAsync(Kind kind, Type documentType, string name, CancellationToken cancellationToken)
    {
        var requested = Interlocked.Increment(ref kind.RefreshesRequested);
        await kind.Loading.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref kind.RefreshedUpTo) >= requested)
            {
                return;
            }

            var upTo = Interlocked.Read(ref kind.RefreshesRequested);
            var changes = await store.LoadDocumentsChangedAsync(name, kind.Loaded ? kind.StoreVersion : -1, cancellationToken);
            if (changes.Documents.Count > 0)
            {
                foreach (var (key, payload) in changes.Documents)
                {
                    kind.Documents[key] = JsonSerializer.Deserialize(payload, documentType, JournalJson.Options)!;
                }

                Interlocked.Increment(ref kind.Version);
            }

            kind.StoreVersion = changes.Version;
            kind.Loaded = true;
            Interlocked.Exchange(ref kind.RefreshedUpTo, upTo);
        }
        finally
        {
            kind.Loading.Release();
        }
    }

    private sealed class Kind
    {
        /// <summary>On a shared store: the store's version of the documents held here.</summary>
        public long StoreVersion;

        /// <summary>On a shared store: how many queries asked for a refresh, and how many of them the last one served.</summary>
        public long RefreshesRequested;

        public long RefreshedUpTo;

        public ConcurrentDictionary<string, object> Documents { get; } = new(StringComparer.Ordinal);

        public SemaphoreSlim Loading { get; } = new(1, 1);

        public volatile bool Loaded;

        /// <summary>Counts changes to <see cref="Documents"/>; a snapshot of an older version is built again.</summary>
        public long Version;

        /// <summary>Every document as one array, as of a version.</summary>
        public Snapshot? Snapshot;
    }

    private sealed record Snapshot(long Version, Array Documents);
}
