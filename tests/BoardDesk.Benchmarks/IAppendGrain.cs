namespace BoardDesk.Benchmarks;

/// <summary>A journaled benchmark grain.</summary>
[Alias("BoardDesk.Benchmarks.IAppendGrain")]
public interface IAppendGrain : IGrainWithStringKey
{
    /// <summary>Appends one event durably.</summary>
    [Alias("AppendAsync")]
    Task<long> AppendAsync(string note);

    /// <summary>Does nothing and raises no event: the cost of a call to a journaled grain.</summary>
    [Alias("NoOpAsync")]
    Task<int> NoOpAsync();
}
