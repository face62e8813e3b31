using BoardDesk.Grains;
using BoardDesk.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Runtime;

/// <summary>
/// Delivers durable reminders. It holds every registered reminder in memory (loaded from the store at start, then
/// kept current from each commit), sleeps until the earliest is due, and delivers it through the grain's mailbox
/// like any call. A reminder that fell due while the server was down fires once at start. The delivery turn
/// removes or reschedules the reminder in the same commit as the grain's own changes, so a delivered reminder's
/// effects and its removal are stored together.
/// </summary>
internal sealed class ReminderScheduler(GrainRuntime runtime, TimeProvider time, ILogger logger)
{
    private readonly object _gate = new();
    private readonly Dictionary<(GrainId Grain, string Name), Entry> _entries = [];
    private readonly PriorityQueue<Entry, DateTimeOffset> _due = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var reminder in await runtime.Store.LoadRemindersAsync(cancellationToken))
        {
            Set(reminder.Grain, new ReminderChange(reminder.Name, reminder.DueAt, reminder.Period));
        }

        _stopping = new CancellationTokenSource();
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync()
    {
        if (_stopping is null || _loop is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Apply(GrainId grain, IReadOnlyList<ReminderChange> changes)
    {
        foreach (var change in changes)
        {
            Set(grain, change);
        }

        Wake();
    }

    private void Set(GrainId grain, ReminderChange change)
    {
        lock (_gate)
        {
            if (_entries.Remove((grain, change.Name), out var previous))
            {
                previous.Cancelled = true;
            }

            if (change.DueAt is { } due)
            {
                var entry = new Entry(grain, change.Name, due, change.Period);
                _entries[(grain, change.Name)] = entry;
                _due.Enqueue(entry, due);
            }
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var wait = TimeSpan.FromMinutes(1);
            var ready = new List<Entry>();
            lock (_gate)
            {
                var now = time.GetUtcNow();
                while (_due.TryPeek(out var entry, out var due))
                {
                    if (entry.Cancelled)
                    {
                        _due.Dequeue();
                    }
                    else if (due <= now)
                    {
                        _due.Dequeue();
                        ready.Add(entry);
                    }
                    else
                    {
                        wait = TimeSpan.FromTicks(Math.Min(wait.Ticks, (due - now).Ticks));
                        break;
                    }
                }
            }

            foreach (var entry in ready)
            {
                _ = DeliverAsync(entry);
            }

            await _wake.WaitAsync(wait, stopping);
        }
    }

    private async Task DeliverAsync(Entry entry)
    {
        try
        {
            await runtime.DeliverReminderAsync(entry.Grain, new ReminderDelivery(entry.Name, entry.DueAt, entry.Period));
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Reminder {Reminder} of {Grain} failed; it is delivered again later", entry.Name, entry.Grain);
            lock (_gate)
            {
                // Retry only if the turn did not replace or remove the reminder in the meantime.
                if (!entry.Cancelled)
                {
                    _due.Enqueue(entry, time.GetUtcNow() + runtime.Options.ReminderRetryDelay);
                }
            }

            Wake();
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    private sealed class Entry(GrainId grain, string name, DateTimeOffset dueAt, TimeSpan? period)
    {
        public GrainId Grain { get; } = grain;
        public string Name { get; } = name;
        public DateTimeOffset DueAt { get; } = dueAt;
        public TimeSpan? Period { get; } = period;
        public bool Cancelled { get; set; }
    }
}
