using BoardDesk.Grains;

namespace BoardDesk.Grains.Tests.Operations;

/// <summary>A test target that counts the effects it receives and ignores repeats.</summary>
[Alias("BoardDesk.Grains.Tests.Operations.ICountingTargetGrain")]
public interface ICountingTargetGrain : IGrainWithStringKey
{
    /// <summary>Counts the effect once; throws first for a key in <see cref="CountingTargetGrain.Failures"/> or <see cref="CountingTargetGrain.Refusing"/>.</summary>
    [Alias("ApplyAsync")]
    Task ApplyAsync(string effectId);

    /// <summary>How many effects it has counted.</summary>
    [Alias("CountAsync")]
    Task<int> CountAsync();
}
