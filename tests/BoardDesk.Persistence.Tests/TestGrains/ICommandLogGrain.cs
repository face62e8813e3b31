namespace BoardDesk.Persistence.Tests.TestGrains;

/// <summary>Records commands by id, each at most once, as BoardDesk's ballots, effects and imports are.</summary>
[Alias("BoardDesk.Persistence.Tests.TestGrains.ICommandLogGrain")]
public interface ICommandLogGrain : IGrainWithStringKey
{
    /// <summary>Records the command unless it is recorded already; returns how many commands are recorded.</summary>
    [Alias("RecordAsync")]
    Task<int> RecordAsync(string commandId);
}
