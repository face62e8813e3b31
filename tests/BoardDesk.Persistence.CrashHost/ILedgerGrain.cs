using BoardDesk.Grains;

namespace BoardDesk.Persistence.CrashHost;

[Alias("BoardDesk.Persistence.CrashHost.ILedgerGrain")]
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Posts one entry as three events in one turn; returns the journal's version after it.</summary>
    [Alias("PostAsync")]
    Task<long> PostAsync();
}
