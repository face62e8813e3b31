using BoardDesk.Grains;
using Orleans.Concurrency;

namespace BoardDesk.Persistence;

/// <summary>The silo side of <see cref="ClusterReadModels"/>: answers from this silo's <see cref="ReadModels"/>.</summary>
[StatelessWorker, GrainType("read-models")]
public sealed class ReadModelGrain(ReadModels readModels) : Grain, IReadModelGrain
{
    /// <inheritdoc />
    public Task<ReadModelSnapshot?> SnapshotIfChangedAsync(string documentType, string? epoch, long version)
    {
        // Only BoardDesk's own document types can be named: a client cannot make the silo load an arbitrary type.
        var type = Type.GetType(documentType, throwOnError: false);
        if (type is null || type.Namespace?.StartsWith("BoardDesk", StringComparison.Ordinal) != true || !type.IsClass)
        {
            throw new NotFoundException($"There are no read-model documents of type '{documentType}'.");
        }

        return readModels.SnapshotIfChangedAsync(type, epoch, version);
    }
}
