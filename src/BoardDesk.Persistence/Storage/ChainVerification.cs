namespace BoardDesk.Persistence.Storage;

/// <summary>The result of walking every journal's hash chain.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Persistence.Storage.ChainVerification")]
public sealed record ChainVerification(long JournalsChecked, long EventsChecked, IReadOnlyList<ChainBreak> Breaks)
{
    /// <summary>True when every chain holds.</summary>
    public bool Intact => Breaks.Count == 0;
}
