using System.Collections.Concurrent;
using System.Text.Json;

namespace BoardDesk.Persistence;

/// <summary>
/// The read models of a process that is only an Orleans client: each query asks a silo whether its documents of the
/// kind changed since the copy held here (one small call when nothing did) and takes them all when they did. So a web
/// node shows a change acknowledged by the silo on its next request.
/// </summary>
public sealed class ClusterReadModels(IGrainFactory grains) : IReadModels
{
    private readonly ConcurrentDictionary<Type, Copy> _copies = new();

    /// <inheritdoc />
    public async Task<IReadOnlyCollection<T>> AllAsync<T>(CancellationToken cancellationToken = default) where T : class =>
        (T[])(await CurrentAsync(typeof(T))).Documents;

    /// <inheritdoc />
    public async Task<T?> FindAsync<T>(string key, CancellationToken cancellationToken = default) where T : class =>
        (await CurrentAsync(typeof(T))).ByKey.TryGetValue(key, out var document) ? (T)document : null;

    private async Task<Copy> CurrentAsync(Type type)
    {
        var held = _copies.GetValueOrDefault(type);
        var snapshot = await grains.GetGrain<IReadModelGrain>(ReadModels.KindOf(type))
            .SnapshotIfChangedAsync(type.AssemblyQualifiedName!, held?.Epoch, held?.Version ?? -1);
        if (snapshot is null && held is not null)
        {
            return held;
        }

        snapshot ??= new ReadModelSnapshot("", 0, [], []);
        var documents = Array.CreateInstance(type, snapshot.Documents.Count);
        var byKey = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Documents.Count; i++)
        {
            var document = JsonSerializer.Deserialize(snapshot.Documents[i], type, JournalJson.Options)!;
            documents.SetValue(document, i);
            byKey[snapshot.Keys[i]] = document;
        }

        var copy = new Copy(snapshot.Epoch, snapshot.Version, documents, byKey);
        _copies[type] = copy;
        return copy;
    }

    private sealed record Copy(string Epoch, long Version, Array Documents, IReadOnlyDictionary<string, object> ByKey);
}
