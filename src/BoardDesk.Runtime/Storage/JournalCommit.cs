using BoardDesk.Grains;

namespace BoardDesk.Runtime.Storage;

/// <summary>
/// Everything one turn of one grain writes, committed atomically: its new events (accepted only if the journal
/// still ends at <see cref="ExpectedSequence"/>), an optional snapshot, read-model documents, reminder changes and
/// a change to the grain's sealed box (see <see cref="SealedBoxChange"/>).
/// </summary>
public sealed record JournalCommit(
    GrainId Grain,
    long ExpectedSequence,
    IReadOnlyList<NewEvent> Events,
    string? SnapshotPayload = null,
    int SnapshotVersion = 1,
    IReadOnlyList<DocumentWrite>? Documents = null,
    IReadOnlyList<ReminderChange>? Reminders = null,
    SealedBoxChange? SealedBox = null);
