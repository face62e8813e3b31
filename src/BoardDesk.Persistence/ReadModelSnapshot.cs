namespace BoardDesk.Persistence;

/// <summary>Every document of one kind as a silo holds them, for a node without a silo.</summary>
/// <param name="Epoch">Which silo process (and start) the documents come from.</param>
/// <param name="Version">The kind's version in that process; it moves on at every publish.</param>
/// <param name="Keys">The documents' keys (their grains' keys).</param>
/// <param name="Documents">The documents as JSON, in the order of <paramref name="Keys"/>.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Persistence.ReadModelSnapshot")]
public sealed record ReadModelSnapshot(string Epoch, long Version, IReadOnlyList<string> Keys, IReadOnlyList<string> Documents);
