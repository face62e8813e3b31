namespace BoardDesk.Persistence.Tests.TestGrains;

/// <summary>A grain with no state at all, to measure the runtime's own cost and memory.</summary>
[GrainType("empty")]
public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public Task<int> PingAsync() => Task.FromResult(1);
}
