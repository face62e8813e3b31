namespace BoardDesk.Runtime.Tests.TestGrains;

/// <summary>A grain with no state at all, to measure the runtime's own cost and memory.</summary>
public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public Task<int> PingAsync() => Task.FromResult(1);
}
