namespace BoardDesk.Persistence.Storage;

/// <summary>A grain's state as of <see cref="Sequence"/>, with the hash of the journal entry at that sequence.</summary>
public sealed record StoredSnapshot(long Sequence, int Version, string Payload, byte[] Hash);
