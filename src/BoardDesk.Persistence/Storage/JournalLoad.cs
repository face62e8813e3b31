namespace BoardDesk.Persistence.Storage;

/// <summary>What a grain activation loads: its latest snapshot, if any, and the events after it in order.</summary>
public sealed record JournalLoad(StoredSnapshot? Snapshot, IReadOnlyList<StoredEvent> Events)
{
    /// <summary>An empty journal: a grain nobody has written yet.</summary>
    public static JournalLoad Empty { get; } = new(null, []);

    /// <summary>The journal's last sequence number (0 for an empty journal).</summary>
    public long LastSequence => Events.Count > 0 ? Events[^1].Sequence : Snapshot?.Sequence ?? 0;
}
