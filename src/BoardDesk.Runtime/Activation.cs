using BoardDesk.Grains;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Runtime;

/// <summary>
/// One grain in memory: the instance, its mailbox and its turn. Exactly one call runs at a time, from its first
/// line to its commit, awaits included. A call that finds the activation idle runs at once on the caller's thread
/// (no hop, no queueing); a call that finds it busy waits in the mailbox, and the mailbox is drained on the
/// thread pool in arrival order.
/// </summary>
internal sealed class Activation(GrainRuntime runtime, GrainId id, GrainClass grainClass)
{
    private enum Status { Activating, Active, Deactivating, Stopped }

    private readonly object _gate = new();
    private readonly Queue<WorkItem> _mailbox = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Grain? _grain;
    private Status _status = Status.Activating;
    private bool _busy = true; // The activation starts busy: loading its state is its first turn.
    private long _lastUsed = Environment.TickCount64;

    public GrainId Id => id;

    /// <summary>Completes once the activation has been removed from the runtime.</summary>
    public Task Stopped => _stopped.Task;

    public void Start() => ThreadPool.UnsafeQueueUserWorkItem(static activation => _ = activation.ActivateAsync(), this, preferLocal: false);

    /// <summary>Runs or queues the call; false when the activation is shutting down and the caller must use a new one.</summary>
    public bool TryRun(WorkItem item)
    {
        lock (_gate)
        {
            if (_status >= Status.Deactivating)
            {
                return false;
            }

            _lastUsed = Environment.TickCount64;
            if (_busy)
            {
                item.CallerContext = ExecutionContext.Capture();
                _mailbox.Enqueue(item);
                return true;
            }

            _busy = true;
        }

        var turn = ExecuteTurnAsync(item);
        if (turn.IsCompleted)
        {
            EndTurn();
        }
        else
        {
            turn.ContinueWith(static (_, state) => ((Activation)state!).EndTurn(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return true;
    }

    /// <summary>Starts deactivation when the activation is idle, unused since <paramref name="cutoff"/> and has nothing waiting.</summary>
    public bool TryDeactivate(long cutoff)
    {
        lock (_gate)
        {
            if (_busy || _status != Status.Active || _lastUsed > cutoff)
            {
                return false;
            }

            _status = Status.Deactivating;
            _busy = true;
        }

        _ = DeactivateAsync();
        return true;
    }

    private async Task ActivateAsync()
    {
        try
        {
            var grain = (Grain)grainClass.Factory(runtime.Services, null);
            grain.Bind(runtime, id);
            await grain.LoadAsync(runtime.Store, CancellationToken.None);
            await grain.OnActivateAsync(CancellationToken.None);
            _grain = grain;
            lock (_gate)
            {
                _status = Status.Active;
            }
        }
        catch (Exception error)
        {
            runtime.Logger.LogError(error, "Activation of {Grain} failed", id);
            List<WorkItem> waiting;
            lock (_gate)
            {
                _status = Status.Stopped;
                waiting = [.. _mailbox];
                _mailbox.Clear();
            }

            foreach (var item in waiting)
            {
                item.Fail(error);
            }

            runtime.Remove(this);
            _stopped.TrySetResult();
            return;
        }

        await DrainAsync();
    }

    private void EndTurn()
    {
        lock (_gate)
        {
            _lastUsed = Environment.TickCount64;
            if (_mailbox.Count == 0)
            {
                _busy = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static activation => _ = activation.DrainAsync(), this, preferLocal: true);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            WorkItem? item;
            lock (_gate)
            {
                if (!_mailbox.TryDequeue(out item))
                {
                    _busy = false;
                    _lastUsed = Environment.TickCount64;
                    return;
                }
            }

            Task turn;
            if (item.CallerContext is { } context)
            {
                var start = new TurnStart(this, item);
                ExecutionContext.Run(context, static state => ((TurnStart)state!).Begin(), start);
                turn = start.Turn!;
            }
            else
            {
                turn = ExecuteTurnAsync(item);
            }

            await turn;
        }
    }

    private async Task ExecuteTurnAsync(WorkItem item)
    {
        // Set inside this async method, the call chain flows into everything the turn calls and is gone after it.
        CallChain.Enter(id);
        var grain = _grain!;
        for (var attempt = 1; ; attempt++)
        {
            grain.BeginTurn(item.Reminder);
            try
            {
                await item.InvokeAsync(grain);
                if (grain.PrepareCommit() is { } prepared)
                {
                    var result = await runtime.Store.CommitAsync(prepared.Commit);
                    if (!result.Committed)
                    {
                        grain.AbortTurn();
                        if (attempt == 1)
                        {
                            // Another writer moved the journal on: reload and run the command once more on fresh state.
                            await grain.LoadAsync(runtime.Store, CancellationToken.None);
                            continue;
                        }

                        throw new JournalConflictException(id, prepared.Commit.ExpectedSequence, result.ActualSequence);
                    }

                    grain.CompleteTurn(result);
                    runtime.Published(id, prepared);
                }

                item.Succeed();
                return;
            }
            catch (Exception error)
            {
                grain.AbortTurn();
                item.Fail(error);
                return;
            }
        }
    }

    private async Task DeactivateAsync()
    {
        try
        {
            await _grain!.OnDeactivateAsync(CancellationToken.None);
        }
        catch (Exception error)
        {
            runtime.Logger.LogWarning(error, "Deactivation of {Grain} threw; the activation is removed all the same", id);
        }
        finally
        {
            lock (_gate)
            {
                _status = Status.Stopped;
            }

            runtime.Remove(this);
            _stopped.TrySetResult();
        }
    }

    private sealed class TurnStart(Activation activation, WorkItem item)
    {
        public Task? Turn { get; private set; }

        public void Begin() => Turn = activation.ExecuteTurnAsync(item);
    }
}
