namespace BoardDesk.Benchmarks;

/// <summary>A plain Orleans <see cref="Grain"/> with nothing of BoardDesk's: no journal, no call filter.</summary>
[GrainType("no-op")]
public sealed class NoOpGrain : Grain, INoOpGrain
{
    /// <inheritdoc />
    public Task<int> NoOpAsync() => Task.FromResult(1);
}
