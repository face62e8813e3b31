namespace BoardDesk.Persistence;

/// <summary>
/// The read-model documents grains publish, for queries: in a silo the silo's own (<see cref="ReadModels"/>), in a
/// process that is only an Orleans client (a web node, the command-line tool) the silo's, fetched through the cluster
/// (<see cref="ClusterReadModels"/>).
/// </summary>
public interface IReadModels
{
    /// <summary>Every document of type <typeparamref name="T"/>.</summary>
    Task<IReadOnlyCollection<T>> AllAsync<T>(CancellationToken cancellationToken = default) where T : class;

    /// <summary>The document of type <typeparamref name="T"/> published by the grain with this key, or null.</summary>
    Task<T?> FindAsync<T>(string key, CancellationToken cancellationToken = default) where T : class;
}
