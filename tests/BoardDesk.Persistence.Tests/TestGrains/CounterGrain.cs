using System.Collections.Concurrent;
using BoardDesk.Grains;

namespace BoardDesk.Persistence.Tests.TestGrains;

[GenerateSerializer, Immutable, Alias("BoardDesk.Persistence.Tests.TestGrains.CounterEvent")]
public abstract record CounterEvent;

[JournalEvent("test.CounterAdded")]
public sealed record CounterAdded(int Amount) : CounterEvent;

public sealed record CounterState : IJournaledState<CounterState, CounterEvent>
{
    public static CounterState Empty { get; } = new();

    [Id(0)]
    public long Total { get; init; }

    public CounterState Apply(CounterEvent e) => e switch
    {
        CounterAdded added => this with { Total = Total + added.Amount },
        _ => this,
    };
}

[GrainType("counter")]
public sealed class CounterGrain : JournaledGrain<CounterState, CounterEvent>, ICounterGrain
{
    /// <summary>How many times each grain id was activated, across the process.</summary>
    public static ConcurrentDictionary<string, int> Activations { get; } = new();

    private int _inside;
    private int _mostInside;

    protected override Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        Activations.AddOrUpdate(Key, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public async Task<long> AddAsync(int amount)
    {
        var inside = Interlocked.Increment(ref _inside);
        _mostInside = Math.Max(_mostInside, inside);
        try
        {
            await Task.Yield();
            Raise(new CounterAdded(amount));
            await Task.Yield();
            return Version;
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }

    public Task<long> AddManyAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Raise(new CounterAdded(1));
        }

        return Task.FromResult(Version);
    }

    public async Task AddThenFailAsync(int amount)
    {
        Raise(new CounterAdded(amount));
        await Task.Yield();
        throw new InvalidOperationException("The command failed after raising an event.");
    }

    public Task RefuseAsync()
    {
        Raise(new CounterAdded(1000));
        throw new RuleViolationException("Refused.");
    }

    public Task<CounterView> GetAsync() => Task.FromResult(new CounterView(State.Total, Version, _mostInside));
}
