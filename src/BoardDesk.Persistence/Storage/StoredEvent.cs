namespace BoardDesk.Persistence.Storage;

/// <summary>
/// One entry of a grain's journal as stored: sequence number (1, 2, 3 … per grain), persisted type name,
/// JSON payload, UTC time, acting user, and the hash chain (SHA-256 over the previous entry's hash and this entry).
/// </summary>
public sealed record StoredEvent(
    long Sequence,
    string Type,
    string Payload,
    DateTimeOffset RecordedAt,
    string User,
    byte[] PreviousHash,
    byte[] Hash);
