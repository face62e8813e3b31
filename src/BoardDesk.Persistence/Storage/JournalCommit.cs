using BoardDesk.Grains;

namespace BoardDesk.Persistence.Storage;

/// <summary>
/// Everything one turn of one grain writes, committed atomically: its new events (accepted only if the journal
/// still ends at <see cref="ExpectedSequence"/>), an optional snapshot, read-model documents and a change to the grain's sealed box (see <see cref="SealedBoxChange"/>).
/// </summary>
public sealed record JournalCommit(
    JournalId Grain,
    long ExpectedSequence,
    IReadOnlyList<NewEvent> Events,
    string? SnapshotPayload = null,
    int SnapshotVersion = 1,
    IReadOnlyList<DocumentWrite>? Documents = null,
    SealedBoxChange? SealedBox = null);
