using BoardDesk.Grains;

namespace BoardDesk.Benchmarks;

public interface IAppendGrain : IGrainWithStringKey
{
    /// <summary>Appends one event durably.</summary>
    Task<long> AppendAsync(string note);
}
