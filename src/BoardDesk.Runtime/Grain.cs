using BoardDesk.Grains;
using BoardDesk.Runtime.Storage;

namespace BoardDesk.Runtime;

/// <summary>
/// The base of every grain class. The runtime creates the instance (resolving constructor dependencies), gives it
/// its identity, and runs its calls one at a time. A grain without a journal keeps no durable state of its own.
/// </summary>
public abstract class Grain
{
    private GrainRuntime? _runtime;
    private static readonly List<ReminderChange> NoReminderChanges = [];
    private readonly List<ReminderChange> _reminderChanges = [];
    private ReminderDelivery? _reminderTurn;

    /// <summary>This grain's id.</summary>
    protected GrainId GrainId { get; private set; }

    /// <summary>This grain's string key (the part of its id after the type).</summary>
    protected string Key => GrainId.Key;

    /// <summary>References to other grains; calls through them run in those grains' activations.</summary>
    protected IGrainFactory GrainFactory => Runtime;

    /// <summary>The clock, for times the domain records.</summary>
    protected TimeProvider Time => Runtime.Time;

    internal GrainRuntime Runtime => _runtime ?? throw new InvalidOperationException("The grain was not activated by the grain runtime.");

    /// <summary>Runs once after the state is loaded and before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the activation is collected or the runtime stops.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Registers a durable reminder, or moves an existing one; it is stored with this turn's events, so it exists
    /// exactly when the turn's changes do. The grain class must implement <see cref="IRemindable"/>.
    /// </summary>
    protected void RegisterOrUpdateReminder(string name, DateTimeOffset dueAt, TimeSpan? period = null)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"{GetType().Name} registers a reminder but does not implement {nameof(IRemindable)}.");
        }

        if (period is { } p && p < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(period), "A reminder's period is at least one second.");
        }

        _reminderChanges.RemoveAll(c => c.Name == name);
        _reminderChanges.Add(new ReminderChange(name, dueAt, period));
    }

    /// <summary>Removes a reminder when this turn commits.</summary>
    protected void UnregisterReminder(string name)
    {
        _reminderChanges.RemoveAll(c => c.Name == name);
        _reminderChanges.Add(new ReminderChange(name, null, null));
    }

    internal void Bind(GrainRuntime runtime, GrainId id)
    {
        _runtime = runtime;
        GrainId = id;
    }

    internal virtual Task LoadAsync(IJournalStore store, CancellationToken cancellationToken) => Task.CompletedTask;

    internal virtual void BeginTurn(ReminderDelivery? reminder)
    {
        _reminderChanges.Clear();
        _reminderTurn = reminder;
    }

    internal virtual PreparedTurn? PrepareCommit() =>
        TakeReminderChanges() is { Count: > 0 } reminders
            ? new PreparedTurn(new JournalCommit(GrainId, 0, [], Reminders: reminders), null)
            : null;

    /// <summary>True when the turn so far has something to commit.</summary>
    internal virtual bool HasChanges => _reminderChanges.Count > 0 || _reminderTurn is not null;

    internal virtual void CompleteTurn(CommitResult result)
    {
    }

    internal virtual void AbortTurn() => _reminderChanges.Clear();

    /// <summary>This turn's reminder changes, with the delivered reminder's own rescheduling or removal added.</summary>
    private protected List<ReminderChange> TakeReminderChanges()
    {
        if (_reminderChanges.Count == 0 && _reminderTurn is null)
        {
            return NoReminderChanges;
        }

        var changes = new List<ReminderChange>(_reminderChanges);
        if (_reminderTurn is { } delivered && changes.TrueForAll(c => c.Name != delivered.Name))
        {
            changes.Add(delivered.Period is { } period
                ? new ReminderChange(delivered.Name, ReminderDelivery.NextDue(delivered.DueAt, period, Time.GetUtcNow()), period)
                : new ReminderChange(delivered.Name, null, null));
        }

        _reminderChanges.Clear();
        return changes;
    }
}
