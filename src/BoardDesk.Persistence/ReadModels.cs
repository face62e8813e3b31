using System.Collections.Concurrent;
using System.Text.Json;
using BoardDesk.Persistence.Storage;

namespace BoardDesk.Persistence;

/// <summary>
/// Query side of the grains: the read-model documents grains publish (see <c>JournaledGrain.ReadModel</c>), held
/// in memory per document type and loaded from the store on first use. A document is published only after the
/// turn that produced it is durable, so a query never shows a state the journals do not hold.
/// </summary>
public sealed class ReadModels(IJournalStore store)
{
    private readonly ConcurrentDictionary<string, Kind> _kinds = new(StringComparer.Ordinal);

    /// <summary>The document kind a type is stored under: its type name.</summary>
    public static string KindOf(Type documentType) => documentType.Name;

    /// <summary>Every document of type <typeparamref name="T"/>.</summary>
    public async Task<IReadOnlyCollection<T>> AllAsync<T>(CancellationToken cancellationToken = default) where T : class
    {
        var kind = await LoadedAsync<T>(cancellationToken);
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

    /// <summary>The document of type <typeparamref name="T"/> published by the grain with this key, or null.</summary>
    public async Task<T?> FindAsync<T>(string key, CancellationToken cancellationToken = default) where T : class
    {
        var kind = await LoadedAsync<T>(cancellationToken);
        return kind.Documents.TryGetValue(key, out var document) ? (T)document : null;
    }

    internal void Publish(string key, object document)
    {
        var kind = _kinds.GetOrAdd(KindOf(document.GetType()), static _ => new Kind());
        kind.Documents[key] = document;
        Interlocked.Increment(ref kind.Version);
    }

    private async Task<Kind> LoadedAsync<T>(CancellationToken cancellationToken)
    {
        var name = KindOf(typeof(T));
        var kind = _kinds.GetOrAdd(name, static _ => new Kind());
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
                    kind.Documents.TryAdd(key, JsonSerializer.Deserialize<T>(payload, JournalJson.Options)!);
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

    private sealed class Kind
    {
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
