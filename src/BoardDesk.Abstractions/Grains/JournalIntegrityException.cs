namespace BoardDesk.Grains;

/// <summary>
/// A grain's journal failed verification when it was loaded: an entry was altered, removed or added outside BoardDesk,
/// or the journal no longer matches its signed checkpoint. The grain is not served (the server answers 503) rather
/// than serving state its journal cannot vouch for; <c>verify</c> names every such journal.
/// </summary>
/// <param name="grain">The grain whose journal fails.</param>
/// <param name="reason">What is wrong with it.</param>
[GenerateSerializer, Alias("BoardDesk.Grains.JournalIntegrityException")]
public sealed class JournalIntegrityException(JournalId grain, string reason)
    : Exception($"The journal of {grain} fails verification: {reason}")
{
    /// <summary>The grain whose journal fails.</summary>
    [Id(0)]
    public JournalId Grain { get; } = grain;

    /// <summary>What is wrong with it.</summary>
    [Id(1)]
    public string Reason { get; } = reason;
}
