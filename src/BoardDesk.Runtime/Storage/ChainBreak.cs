using BoardDesk.Grains;

namespace BoardDesk.Runtime.Storage;

/// <summary>The first journal entry of a grain whose hash chain does not hold, and why.</summary>
public sealed record ChainBreak(GrainId Grain, long Sequence, string Reason);
