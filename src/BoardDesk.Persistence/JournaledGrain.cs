using System.Text.Json;
using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace BoardDesk.Persistence;

/// <summary>
/// An Orleans grain whose state is the fold of its own journal. A command checks its rules against
/// <see cref="State"/> and raises events; the events are appended durably when the call returns, and only then does
/// the caller hear back. If the call throws, or the append fails, the events are dropped and the state is as it was
/// before the call. Orleans' own <c>JournaledGrain</c> is not used because it writes a raised event in the background
/// even when the method then throws, and retries a failing store in a tight loop.
/// </summary>
/// <remarks>
/// The commit runs in this grain's call filter (<see cref="IIncomingGrainCallFilter"/>), inside the grain's turn, so
/// no other call of a non-reentrant grain sees events that are not yet durable. A call that finds the journal moved
/// on by another writer (a second activation during a partition) reloads and runs the command once more on the fresh
/// state, then answers <see cref="JournalConflictException"/>. A call back into the grain in the middle of its own
/// call (allowed only with <c>RequestContext.AllowCallChainReentrancy</c>) joins that call's turn.
/// </remarks>
/// <typeparam name="TState">The immutable state record.</typeparam>
/// <typeparam name="TEvent">The base type of this grain's events.</typeparam>
public abstract partial class JournaledGrain<TState, TEvent> : Grain, IIncomingGrainCallFilter, IRemindable, Maintenance.IReadModelRebuild
    where TState : class, IJournaledState<TState, TEvent>
    where TEvent : class
{
    private static readonly TimeSpan MinimumDueTime = TimeSpan.FromSeconds(1);
    private readonly List<NewEvent> _raised = [];
    private readonly List<string> _sealed = [];
    private readonly Dictionary<string, DateTimeOffset?> _reminderChanges = new(StringComparer.Ordinal);
    private JournalServices? _services;
    private bool _emptySealedBox;
    private int _depth;
    private readonly HashSet<string> _reminderRegisteredThisCall = new(StringComparer.Ordinal);
    private string? _deliveredReminder;
    private long _conflictingVersion;
    private TState _committed = TState.Empty;
    private TState _working = TState.Empty;
    private long _committedVersion;
    private JournalId _journalId;

    /// <summary>The state, including the events raised so far in this call.</summary>
    protected TState State => _working;

    /// <summary>The journal's last sequence number, counting the events raised so far in this call.</summary>
    protected long Version => _committedVersion + _raised.Count;

    /// <summary>This grain's string key.</summary>
    protected string Key => this.GetPrimaryKeyString();

    /// <summary>The id this grain's journal is stored under (<c>type/key</c>).</summary>
    protected JournalId JournalId => _journalId;

    /// <summary>The domain clock, for times the domain records.</summary>
    protected TimeProvider Time => Services.Clock;

    /// <summary>
    /// The read-model document that represents this grain in queries, computed from <see cref="State"/>; it is
    /// stored in the same transaction as the events and can always be rebuilt from the journal. Null for none.
    /// </summary>
    protected virtual object? ReadModel => null;

    /// <summary>Raise when the state record's shape changes incompatibly: older snapshots are then ignored and the journal replayed.</summary>
    protected virtual int SnapshotVersion => 1;

    private JournalServices Services => _services ??= ServiceProvider.GetRequiredService<JournalServices>();

    /// <summary>Folds an event into the state; it is stored when the call completes.</summary>
    protected void Raise(TEvent e)
    {
        _raised.Add(new NewEvent(Services.Events.NameOf(e.GetType()), JsonSerializer.Serialize(e, e.GetType(), JournalJson.Options), Time.GetUtcNow(), ActingUser.Name));
        _working = _working.Apply(e);
    }

    /// <summary>
    /// Drops a value into this grain's sealed box. It is stored in the same commit as this call's events, or not at
    /// all, with no time, no order and nothing that ties it to those events or to this call; afterwards it can only be
    /// counted (<see cref="CountSealedAsync"/>) or emptied out with the rest of the box, never found or changed. A call
    /// that seals a value must raise an event: the event accounts for the value (a secret ballot's roll entry).
    /// </summary>
    protected void Seal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _sealed.Add(value);
    }

    /// <summary>Empties this grain's sealed box in this call's commit, which must raise an event too.</summary>
    protected void EmptySealedBox()
    {
        _sealed.Clear();
        _emptySealedBox = true;
    }

    /// <summary>How many of each value this grain's sealed box holds as committed, without what this call sealed.</summary>
    protected Task<IReadOnlyDictionary<string, int>> CountSealedAsync(CancellationToken cancellationToken = default) =>
        Services.Store.CountSealedAsync(_journalId, cancellationToken);

    /// <summary>
    /// Registers a durable reminder due at <paramref name="dueAt"/>, or moves an existing one. It is registered with
    /// Orleans before this call's events are committed, so a commit that relies on it always has it; a reminder left by
    /// a call whose commit failed finds nothing to do when it fires. Once a delivery's call completes, the reminder is
    /// removed, unless that call registered it again. A delivery that fails is tried again after
    /// <see cref="RuntimeOptions.ReminderRetryDelay"/>. The grain class must implement <see cref="IReminderHandler"/>.
    /// </summary>
    protected void RegisterOrUpdateReminder(string name, DateTimeOffset dueAt)
    {
        if (this is not IReminderHandler)
        {
            throw new InvalidOperationException($"{GetType().Name} registers a reminder but does not implement {nameof(IReminderHandler)}.");
        }

        _reminderChanges[name] = dueAt;
    }

    /// <summary>Removes a reminder once this call's events are committed.</summary>
    protected void UnregisterReminder(string name) => _reminderChanges[name] = null;

    /// <summary>
    /// Commits the events raised so far in this call now, before the call ends (Orleans' <c>ConfirmEvents</c>). Use it
    /// to record a plan durably before acting on other grains: if the call fails later, what was confirmed stays.
    /// A conflict here is reported, not retried, because part of the call has already run.
    /// </summary>
    protected async Task ConfirmEventsAsync()
    {
        if (!await TryCommitAsync())
        {
            throw new JournalConflictException(_journalId.ToString(), _committedVersion, _conflictingVersion);
        }
    }

    /// <summary>Reads this grain's committed journal, for history and point-in-time answers.</summary>
    protected async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(CancellationToken cancellationToken = default)
    {
        var stored = await Services.Store.ReadEventsAsync(_journalId, 0, cancellationToken);
        return stored.Select(Services.Events.ToEntry).ToList();
    }

    /// <summary>Folds the given entries from the empty state: the state as it was after the last of them.</summary>
    protected static TState Fold(IEnumerable<JournalEntry> entries) =>
        entries.Aggregate(TState.Empty, (state, entry) => state.Apply((TEvent)entry.Event));

    /// <summary>Loads the state from the journal before the first call; derived grains use <see cref="OnLoadedAsync"/>.</summary>
    public sealed override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _journalId = new JournalId(this.GetGrainId().Type.ToString()!, Key);
        await LoadAsync(cancellationToken);
        await OnLoadedAsync(cancellationToken);
    }

    /// <summary>Runs once after the state is loaded and before the first call.</summary>
    protected virtual Task OnLoadedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs a call as one turn: the call, then the commit of what it raised, or nothing of it.</summary>
    async Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
    {
        if (_depth > 0)
        {
            // A call back in the middle of this grain's own call joins that call's turn.
            await context.Invoke();
            return;
        }

        _depth++;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await context.Invoke();
                }
                catch
                {
                    AbortTurn();
                    throw;
                }

                if (await TryCommitAsync())
                {
                    await FinishReminderDeliveryAsync();
                    return;
                }

                if (attempt > 1)
                {
                    throw new JournalConflictException(_journalId.ToString(), _committedVersion, _conflictingVersion);
                }

                // Another writer moved the journal on: reload and run the command once more on fresh state.
                Services.Logger.LogInformation("The journal of {Grain} moved on under a call; the call runs again on the reloaded state", _journalId);
                await LoadAsync(CancellationToken.None);
            }
        }
        finally
        {
            _depth--;
            _deliveredReminder = null;
            _reminderRegisteredThisCall.Clear();
        }
    }

    /// <summary>Delivers an Orleans reminder to the grain's <see cref="IReminderHandler"/>, as a call of its own.</summary>
    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        _deliveredReminder = reminderName;
        if (this is IReminderHandler handler)
        {
            using (ActingUser.Begin(ActingUser.System))
            {
                await handler.ReceiveReminderAsync(reminderName, new DateTimeOffset(status.FirstTickTime, TimeSpan.Zero));
            }
        }
    }

    /// <summary>Writes this grain's read-model document again from its state (rebuilding the query side).</summary>
    async Task Maintenance.IReadModelRebuild.RebuildReadModelAsync()
    {
        if (ReadModel is not { } document)
        {
            return;
        }

        var write = new DocumentWrite(ReadModels.KindOf(document.GetType()), Key, JsonSerializer.Serialize(document, document.GetType(), JournalJson.Options));
        await Services.CommitAsync(new JournalCommit(_journalId, _committedVersion, [], Documents: [write]));
        Services.ReadModels.Publish(Key, document);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var load = await Services.Store.LoadAsync(_journalId, cancellationToken);
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
                events = await Services.Store.ReadEventsAsync(_journalId, 0, cancellationToken);
            }
        }

        foreach (var stored in events)
        {
            state = state.Apply((TEvent)Services.Events.Deserialize(stored));
            version = stored.Sequence;
        }

        _committed = _working = state;
        _committedVersion = version;
        ClearRaised();
    }

    /// <summary>
    /// Commits what this call raised, registering its new reminders first and removing its dropped ones after.
    /// False when the journal moved on under the call (nothing is stored and the call's changes are dropped).
    /// </summary>
    private async Task<bool> TryCommitAsync()
    {
        if (_raised.Count == 0 && _sealed.Count == 0 && !_emptySealedBox && _reminderChanges.Count == 0)
        {
            // A query or a call that changed nothing: the common case, kept free of allocations.
            return true;
        }

        var sealedBox = _sealed.Count > 0 || _emptySealedBox ? new SealedBoxChange([.. _sealed], _emptySealedBox) : null;
        if (_raised.Count == 0 && sealedBox is not null)
        {
            AbortTurn();
            throw new InvalidOperationException($"{GetType().Name} changed its sealed box without raising an event; the event accounts for the change.");
        }

        try
        {
            foreach (var (name, dueAt) in _reminderChanges)
            {
                if (dueAt is { } due)
                {
                    // Orleans reminders are periodic: the period is how long a failed delivery waits to be tried again.
                    // A first tick already past when Orleans schedules it would wait a whole period, so a reminder
                    // due now is given a moment in the future.
                    var dueTime = due - Time.GetUtcNow();
                    await this.RegisterOrUpdateReminder(name, dueTime > MinimumDueTime ? dueTime : MinimumDueTime, Services.Options.ReminderRetryDelay);
                    _reminderRegisteredThisCall.Add(name);
                }
            }
        }
        catch
        {
            AbortTurn();
            throw;
        }

        if (_raised.Count > 0)
        {
            var newVersion = _committedVersion + _raised.Count;
            var interval = Services.Options.SnapshotInterval;
            var snapshot = interval > 0 && newVersion / interval > _committedVersion / interval
                ? JsonSerializer.Serialize(_working, JournalJson.Options)
                : null;
            var document = ReadModel;
            var documents = document is null
                ? null
                : new[] { new DocumentWrite(ReadModels.KindOf(document.GetType()), Key, JsonSerializer.Serialize(document, document.GetType(), JournalJson.Options)) };
            var commit = new JournalCommit(_journalId, _committedVersion, [.. _raised], snapshot, SnapshotVersion, documents, sealedBox);
            CommitResult result;
            try
            {
                result = await Services.CommitAsync(commit);
            }
            catch
            {
                AbortTurn();
                throw;
            }

            if (!result.Committed)
            {
                _conflictingVersion = result.ActualSequence;
                AbortTurn();
                return false;
            }

            _committed = _working;
            _committedVersion = result.ActualSequence;
            if (document is not null)
            {
                Services.ReadModels.Publish(Key, document);
            }
        }

        var removals = _reminderChanges.Where(c => c.Value is null).Select(c => c.Key).ToList();
        ClearRaised();
        foreach (var name in removals)
        {
            await UnregisterOrleansReminderAsync(name);
        }

        return true;
    }

    /// <summary>A delivered reminder is done once its call has committed, unless the call registered it again.</summary>
    private async Task FinishReminderDeliveryAsync()
    {
        if (_deliveredReminder is { } delivered && !_reminderRegisteredThisCall.Contains(delivered))
        {
            await UnregisterOrleansReminderAsync(delivered);
        }
    }

    private async Task UnregisterOrleansReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void AbortTurn()
    {
        ClearRaised();
        _working = _committed;
    }

    private void ClearRaised()
    {
        _raised.Clear();
        _sealed.Clear();
        _reminderChanges.Clear();
        _emptySealedBox = false;
    }
}
