using System.Text.Json;
using BoardDesk.Runtime.Storage;

namespace BoardDesk.Runtime;

/// <summary>
/// A grain whose state is the fold of its own journal. A command checks its rules against <see cref="State"/> and
/// raises events; the events are appended durably when the call returns, and only then does the caller hear back.
/// If the call throws, or the append fails, the events are dropped and the state is as it was before the call.
/// </summary>
/// <typeparam name="TState">The immutable state record.</typeparam>
/// <typeparam name="TEvent">The base type of this grain's events.</typeparam>
public abstract class JournaledGrain<TState, TEvent> : Grain
    where TState : class, IJournaledState<TState, TEvent>
    where TEvent : class
{
    private readonly List<NewEvent> _raised = [];
    private readonly List<string> _sealed = [];
    private bool _emptySealedBox;
    private TState _committed = TState.Empty;
    private TState _working = TState.Empty;
    private long _committedVersion;

    /// <summary>The state, including the events raised so far in this call.</summary>
    protected TState State => _working;

    /// <summary>The journal's last sequence number, counting the events raised so far in this call.</summary>
    protected long Version => _committedVersion + _raised.Count;

    /// <summary>
    /// The read-model document that represents this grain in queries, computed from <see cref="State"/>; it is
    /// stored in the same transaction as the events and can always be rebuilt from the journal. Null for none.
    /// </summary>
    protected virtual object? ReadModel => null;

    /// <summary>Raise when the state record's shape changes incompatibly: older snapshots are then ignored and the journal replayed.</summary>
    protected virtual int SnapshotVersion => 1;

    /// <summary>Folds an event into the state; it is stored when the call completes.</summary>
    protected void Raise(TEvent e)
    {
        var events = Runtime.Events;
        _raised.Add(new NewEvent(events.NameOf(e.GetType()), JsonSerializer.Serialize(e, e.GetType(), JournalJson.Options), Time.GetUtcNow(), BoardDesk.Grains.ActingUser.Name));
        _working = _working.Apply(e);
    }

    /// <summary>
    /// Drops a value into this grain's sealed box. It is stored in the same commit as this turn's events, or not at
    /// all, with no time, no order and nothing that ties it to those events or to this turn; afterwards it can only be
    /// counted (<see cref="CountSealedAsync"/>) or emptied out with the rest of the box, never found or changed. A turn
    /// that seals a value must raise an event: the event accounts for the value (a secret ballot's roll entry).
    /// </summary>
    protected void Seal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _sealed.Add(value);
    }

    /// <summary>Empties this grain's sealed box in this turn's commit, which must raise an event too.</summary>
    protected void EmptySealedBox()
    {
        _sealed.Clear();
        _emptySealedBox = true;
    }

    /// <summary>How many of each value this grain's sealed box holds as committed, without what this turn sealed.</summary>
    protected Task<IReadOnlyDictionary<string, int>> CountSealedAsync(CancellationToken cancellationToken = default) =>
        Runtime.Store.CountSealedAsync(GrainId, cancellationToken);

    /// <summary>
    /// Commits the events raised so far in this call now, before the call ends (Orleans' <c>ConfirmEvents</c>). Use it
    /// to record a plan durably before acting on other grains: if the call fails later, what was confirmed stays.
    /// A conflict here is reported, not retried, because part of the call has already run.
    /// </summary>
    protected async Task ConfirmEventsAsync()
    {
        if (PrepareCommit() is not { } prepared)
        {
            return;
        }

        var result = await Runtime.Store.CommitAsync(prepared.Commit);
        if (!result.Committed)
        {
            AbortTurn();
            throw new JournalConflictException(GrainId, prepared.Commit.ExpectedSequence, result.ActualSequence);
        }

        CompleteTurn(result);
        Runtime.Published(GrainId, prepared);
    }

    /// <summary>Reads this grain's committed journal, for history and point-in-time answers.</summary>
    protected async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(CancellationToken cancellationToken = default)
    {
        var stored = await Runtime.Store.ReadEventsAsync(GrainId, 0, cancellationToken);
        return stored.Select(Runtime.Events.ToEntry).ToList();
    }

    /// <summary>Folds the given entries from the empty state: the state as it was after the last of them.</summary>
    protected static TState Fold(IEnumerable<JournalEntry> entries) =>
        entries.Aggregate(TState.Empty, (state, entry) => state.Apply((TEvent)entry.Event));

    internal override async Task LoadAsync(IJournalStore store, CancellationToken cancellationToken)
    {
        var load = await store.LoadAsync(GrainId, cancellationToken);
        var state = TState.Empty;
        var version = 0L;
        var events = load.Events;
        if (load.Snapshot is { } snapshot)
        {
            if (snapshot.Version == SnapshotVersion)
            {
                state = JsonSerializer.Deserialize<TState>(snapshot.Payload, JournalJson.Options)!;
                version = snapshot.Sequence;
            }
            else
            {
                events = await store.ReadEventsAsync(GrainId, 0, cancellationToken);
            }
        }

        foreach (var stored in events)
        {
            state = state.Apply((TEvent)Runtime.Events.Deserialize(stored));
            version = stored.Sequence;
        }

        _committed = _working = state;
        _committedVersion = version;
        ClearRaised();
    }

    internal override bool HasChanges => _raised.Count > 0 || _sealed.Count > 0 || _emptySealedBox || base.HasChanges;

    internal override void BeginTurn(ReminderDelivery? reminder)
    {
        base.BeginTurn(reminder);
        if (_raised.Count > 0 || _sealed.Count > 0 || _emptySealedBox)
        {
            ClearRaised();
        }

        _working = _committed;
    }

    internal override PreparedTurn? PrepareCommit()
    {
        var reminders = TakeReminderChanges();
        var sealedBox = _sealed.Count > 0 || _emptySealedBox ? new SealedBoxChange([.. _sealed], _emptySealedBox) : null;
        if (_raised.Count == 0 && sealedBox is not null)
        {
            throw new InvalidOperationException($"{GetType().Name} changed its sealed box without raising an event; the event accounts for the change.");
        }

        if (_raised.Count == 0)
        {
            return reminders.Count == 0 ? null : new PreparedTurn(new JournalCommit(GrainId, _committedVersion, [], Reminders: reminders), null);
        }

        var interval = Runtime.Options.SnapshotInterval;
        var newVersion = _committedVersion + _raised.Count;
        var snapshot = interval > 0 && newVersion / interval > _committedVersion / interval
            ? JsonSerializer.Serialize(_working, JournalJson.Options)
            : null;
        var document = ReadModel;
        var documents = document is null
            ? null
            : new[] { new DocumentWrite(ReadModels.KindOf(document.GetType()), Key, JsonSerializer.Serialize(document, document.GetType(), JournalJson.Options)) };
        var commit = new JournalCommit(GrainId, _committedVersion, [.. _raised], snapshot, SnapshotVersion, documents, reminders, sealedBox);
        return new PreparedTurn(commit, document);
    }

    internal override void CompleteTurn(CommitResult result)
    {
        _committed = _working;
        _committedVersion = result.ActualSequence;
        ClearRaised();
    }

    internal override void AbortTurn()
    {
        base.AbortTurn();
        ClearRaised();
        _working = _committed;
    }

    private void ClearRaised()
    {
        _raised.Clear();
        _sealed.Clear();
        _emptySealedBox = false;
    }
}
