using BoardDesk.Grains;

namespace BoardDesk.Benchmarks;

[Alias("BoardDesk.Benchmarks.IAppendGrain")]
public interface IAppendGrain : IGrainWithStringKey
{
    /// <summary>Appends one event durably.</summary>
    [Alias("AppendAsync")]
    Task<long> AppendAsync(string note);
}
