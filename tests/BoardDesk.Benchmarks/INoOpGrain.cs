namespace BoardDesk.Benchmarks;

/// <summary>A bare Orleans grain, the baseline for a call to a BoardDesk grain.</summary>
[Alias("BoardDesk.Benchmarks.INoOpGrain")]
public interface INoOpGrain : IGrainWithStringKey
{
    /// <summary>Does nothing; measures the cost of a grain call itself.</summary>
    [Alias("NoOpAsync")]
    Task<int> NoOpAsync();
}
