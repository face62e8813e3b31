using BoardDesk.Grains;

namespace BoardDesk.Benchmarks;

[Alias("BoardDesk.Benchmarks.INoOpGrain")]
public interface INoOpGrain : IGrainWithStringKey
{
    /// <summary>Does nothing; measures the cost of a grain call itself.</summary>
    [Alias("NoOpAsync")]
    Task<int> NoOpAsync();
}
