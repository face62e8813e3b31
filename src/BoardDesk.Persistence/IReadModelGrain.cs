namespace BoardDesk.Persistence;

/// <summary>
/// Serves the read models of the silo it runs on to Orleans clients. A stateless worker: it runs on the silo that
/// receives the call (a client's gateway), keyed by nothing in particular.
/// </summary>
[Alias("BoardDesk.Persistence.IReadModelGrain")]
public interface IReadModelGrain : IGrainWithStringKey
{
    /// <summary>Every document of the type named <paramref name="documentType"/> unless the caller's copy (epoch and version) is current.</summary>
    [Alias("SnapshotIfChangedAsync")]
    Task<ReadModelSnapshot?> SnapshotIfChangedAsync(string documentType, string? epoch, long version);
}
