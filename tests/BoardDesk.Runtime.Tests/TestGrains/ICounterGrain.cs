using BoardDesk.Grains;

namespace BoardDesk.Runtime.Tests.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds to the total across two awaits, recording how many calls were inside the grain at once.</summary>
    Task<long> AddAsync(int amount);

    Task<long> AddManyAsync(int count);

    Task AddThenFailAsync(int amount);

    /// <summary>Raises an event, then throws before returning a task, as a command's validation does.</summary>
    Task RefuseAsync();

    Task<CounterView> GetAsync();
}

public sealed record CounterView(long Total, long Version, int MostCallsAtOnce);
