using BoardDesk.Runtime;

namespace BoardDesk.Benchmarks;

public sealed class NoOpGrain : Grain, INoOpGrain
{
    public Task<int> NoOpAsync() => Task.FromResult(1);
}
