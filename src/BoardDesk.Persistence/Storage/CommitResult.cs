namespace BoardDesk.Persistence.Storage;

/// <summary>
/// The answer to a <see cref="JournalCommit"/>: committed, with the stored events; or refused because the journal
/// no longer ends where the writer expected (<see cref="ActualSequence"/> says where it ends).
/// </summary>
public sealed record CommitResult(bool Committed, long ActualSequence, IReadOnlyList<StoredEvent> Events)
{
    /// <summary>A commit that was refused by the optimistic concurrency check.</summary>
    public static CommitResult Conflict(long actualSequence) => new(false, actualSequence, []);
}
