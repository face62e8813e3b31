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
    private int _busy = 1; // 1 while a turn runs or is scheduled; it starts at 1 because loading the state is the first turn.
    private long _lastUsed = Environment.TickCount64;
    private ExecutionContext? _lastCaller;
    private ExecutionContext? _lastTurnContext;

    public GrainId Id => id;

    /// <summary>Completes once the activation has been removed from the runtime.</summary>
    public Task Stopped => _stopped.Task;

    public void Start() => ThreadPool.UnsafeQueueUserWorkItem(static activation => _ = activation.ActivateAsync(), this, preferLocal: false);

    /// <summary>Runs or queues the call; null when the activation is shutting down and the caller must use a new one.</summary>
    public Task<T>? TryInvoke<T>(Func<object, object?[], Task<T>> call, object?[] arguments)
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            // With no caller context to run in, the call runs like a queued one, on the thread pool.
            var detached = new WorkItem<T>(call, arguments);
            return TryEnqueue(detached) ? detached.Task : null;
        }

        // Fast path: an idle activation is taken without the lock. Deactivation takes the turn the same way, so
        // whoever wins the exchange owns the grain.
        if (Interlocked.CompareExchange(ref _busy, 1, 0) == 0)
        {
            _lastUsed = Environment.TickCount64;
            return RunInline(call, arguments);
        }

        lock (_gate)
        {
            if (_status >= Status.Deactivating)
            {
                return null;
            }

            _lastUsed = Environment.TickCount64;
            if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
            {
                var queued = new WorkItem<T>(call, arguments) { CallerContext = ExecutionContext.Capture() };
                _mailbox.Enqueue(queued);
                return queued.Task;
            }
        }

        return RunInline(call, arguments);
    }

    /// <summary>Queues a call as a turn of its own, run on the thread pool; false when the activation is shutting down.</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_gate)
        {
            if (_status >= Status.Deactivating)
            {
                return false;
            }

            _lastUsed = Environment.TickCount64;
            item.CallerContext = ExecutionContext.Capture();
            _mailbox.Enqueue(item);
            if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
            {
                return true;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static activation => _ = activation.DrainAsync(), this, preferLocal: true);
        return true;
    }

    /// <summary>
    /// Runs a call on the caller's thread. A call that completes synchronously with nothing to commit (a query, a
    /// refused command) ends here, with no allocation of its own; anything else finishes as an ordinary turn.
    /// </summary>
    private Task<T> RunInline<T>(Func<object, object?[], Task<T>> call, object?[] arguments)
    {
        var grain = _grain!;
        Task<T> running;
        ExecutionContext? caller = null;
        try
        {
            caller = EnterTurnContext();
            grain.BeginTurn(null);
            running = call(grain, arguments);
        }
        catch (Exception error)
        {
            // Even a synchronous throw ends as an ordinary failed turn, so the grain is never left busy.
            running = Task.FromException<T>(error);
        }
        finally
        {
            if (caller is not null)
            {
                ExecutionContext.Restore(caller);
            }
        }

        if (running.IsCompletedSuccessfully && !grain.HasChanges)
        {
            EndTurn();
            return running;
        }

        var item = new WorkItem<T>(call, arguments);
        var turn = ExecuteTurnAsync(item, item.AdoptAsync(running));
        if (turn.IsCompleted)
        {
            EndTurn();
        }
        else
        {
            turn.ContinueWith(static (_, state) => ((Activation)state!).EndTurn(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return item.Task;
    }

    /// <summary>
    /// Switches the current thread to the caller's context with this grain added to the call chain, and returns the
    /// caller's context to restore. A caller that calls again from the same context (a loop, one request) reuses the
    /// context built the first time instead of building it again.
    /// </summary>
    private ExecutionContext EnterTurnContext()
    {
        // TryInvoke sends calls made with the flow suppressed through the mailbox, so there is a context here.
        var caller = ExecutionContext.Capture()!;
        if (!ReferenceEquals(caller, _lastCaller))
        {
            CallChain.Enter(id);
            _lastTurnContext = ExecutionContext.Capture()!;
            _lastCaller = caller;
        }

        ExecutionContext.Restore(_lastTurnContext!);
        return caller;
    }

    /// <summary>Starts deactivation when the activation is idle, unused since <paramref name="cutoff"/> and has nothing waiting.</summary>
    public bool TryDeactivate(long cutoff)
    {
        lock (_gate)
        {
            if (_status != Status.Active || _lastUsed > cutoff || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
            {
                return false;
            }

            _status = Status.Deactivating;
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
                Volatile.Write(ref _busy, 0);
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
                    Volatile.Write(ref _busy, 0);
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

    private async Task ExecuteTurnAsync(WorkItem item, Task? started = null)
    {
        // Set inside this async method, the call chain flows into everything the turn calls and is gone after it.
        CallChain.Enter(id);
        var grain = _grain!;
        for (var attempt = 1; ; attempt++)
        {
            if (started is null)
            {
                grain.BeginTurn(item.Reminder);
            }

            try
            {
                await (started ?? item.InvokeAsync(grain));
                started = null;
                if (grain.PrepareCommit() is { } prepared)
                {
                    var result = await runtime.Store.CommitAsync(prepared.Commit);
                    if (!result.Committed)
                    {
                        grain.AbortTurn();
                        started = null;
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
