using BoardDesk.Grains;

namespace BoardDesk.Persistence.Storage;

/// <summary>The first journal entry of a grain whose hash chain does not hold, and why.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Persistence.Storage.ChainBreak")]
public sealed record ChainBreak(JournalId Grain, long Sequence, string Reason);
