using BoardDesk.Grains;

namespace BoardDesk.Runtime.CrashHost;

public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Posts one entry as three events in one turn; returns the journal's version after it.</summary>
    Task<long> PostAsync();
}
