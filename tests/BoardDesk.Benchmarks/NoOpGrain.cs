using BoardDesk.Persistence;

namespace BoardDesk.Benchmarks;

[GrainType("no-op")]
public sealed class NoOpGrain : Grain, INoOpGrain
{
    public Task<int> NoOpAsync() => Task.FromResult(1);
}
