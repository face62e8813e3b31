using BoardDesk.Grains;

namespace BoardDesk.Benchmarks;

public interface INoOpGrain : IGrainWithStringKey
{
    /// <summary>Does nothing; measures the cost of a grain call itself.</summary>
    Task<int> NoOpAsync();
}
