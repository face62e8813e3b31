namespace BoardDesk.Runtime;

/// <summary>One call waiting for, or running in, a turn of an activation.</summary>
internal abstract class WorkItem
{
    /// <summary>The caller's execution context, captured only when the call has to wait for the activation.</summary>
    public ExecutionContext? CallerContext { get; set; }

    public virtual ReminderDelivery? Reminder => null;

    public abstract Task InvokeAsync(Grain grain);

    public abstract void Succeed();

    public abstract void Fail(Exception error);
}

/// <summary>A call whose grain method returns <typeparamref name="T"/>.</summary>
internal sealed class WorkItem<T>(Func<object, object?[], Task<T>> call, object?[] arguments) : WorkItem
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _completion.Task;

    public override async Task InvokeAsync(Grain grain) => _result = await call(grain, arguments);

    /// <summary>Takes over a call that already started running on the caller's thread.</summary>
    public async Task AdoptAsync(Task<T> running) => _result = await running;

    public override void Succeed() => _completion.TrySetResult(_result);

    public override void Fail(Exception error) => _completion.TrySetException(error);
}

/// <summary>A reminder delivered to a grain as a turn of its own.</summary>
internal sealed class ReminderWorkItem(ReminderDelivery delivery) : WorkItem
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _completion.Task;

    public override ReminderDelivery Reminder => delivery;

    public override Task InvokeAsync(Grain grain) => grain is IRemindable remindable
        ? remindable.ReceiveReminderAsync(delivery.Name, delivery.DueAt)
        : throw new InvalidOperationException($"{grain.GetType().Name} received reminder '{delivery.Name}' but does not implement {nameof(IRemindable)}.");

    public override void Succeed() => _completion.TrySetResult();

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
