using BoardDesk.Grains;

namespace BoardDesk.Persistence.Tests.TestGrains;

[Alias("BoardDesk.Persistence.Tests.TestGrains.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds to the total across two awaits, recording how many calls were inside the grain at once.</summary>
    [Alias("AddAsync")]
    Task<long> AddAsync(int amount);

    [Alias("AddManyAsync")]
    Task<long> AddManyAsync(int count);

    [Alias("AddThenFailAsync")]
    Task AddThenFailAsync(int amount);

    /// <summary>Raises an event, then throws before returning a task, as a command's validation does.</summary>
    [Alias("RefuseAsync")]
    Task RefuseAsync();

    [Alias("GetAsync")]
    Task<CounterView> GetAsync();
}

[GenerateSerializer, Immutable, Alias("BoardDesk.Persistence.Tests.TestGrains.CounterView")]
public sealed record CounterView(long Total, long Version, int MostCallsAtOnce);
