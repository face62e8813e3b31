using System.Collections.Immutable;

namespace BoardDesk.Persistence.Tests.TestGrains;

[GenerateSerializer, Immutable, Alias("BoardDesk.Persistence.Tests.TestGrains.ReminderProbeEvent")]
public abstract record ReminderProbeEvent;

[JournalEvent("test.ReminderFired")]
public sealed record ReminderFired(string Name, DateTimeOffset DueAt) : ReminderProbeEvent;

public sealed record ReminderProbeState : IJournaledState<ReminderProbeState, ReminderProbeEvent>
{
    public static ReminderProbeState Empty { get; } = new();

    [Id(0)]
    public ImmutableList<string> Fired { get; init; } = [];

    public ReminderProbeState Apply(ReminderProbeEvent e) => e switch
    {
        ReminderFired fired => this with { Fired = Fired.Add(fired.Name) },
        _ => this,
    };
}

[GrainType("reminder")]
public sealed class ReminderGrain : JournaledGrain<ReminderProbeState, ReminderProbeEvent>, IReminderGrain, IReminderHandler
{
    private int _failuresLeft;

    public Task ScheduleAsync(string name, DateTimeOffset dueAt, int failuresFirst)
    {
        _failuresLeft = failuresFirst;
        RegisterOrUpdateReminder(name, dueAt);
        return Task.CompletedTask;
    }

    public Task CancelAsync(string name)
    {
        UnregisterReminder(name);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> FiredAsync() => Task.FromResult<IReadOnlyList<string>>(State.Fired);

    public Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        Raise(new ReminderFired(reminderName, dueAt));
        if (_failuresLeft-- > 0)
        {
            throw new InvalidOperationException("This delivery fails, as a store or a target might.");
        }

        return Task.CompletedTask;
    }
}
