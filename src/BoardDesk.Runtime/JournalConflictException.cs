using BoardDesk.Grains;

namespace BoardDesk.Runtime;

/// <summary>A grain's journal kept moving under it: the command was re-run once on fresh state and conflicted again.</summary>
public sealed class JournalConflictException(GrainId grain, long expected, long actual)
    : ConflictException($"'{grain}' was changed concurrently (expected version {expected}, found {actual}); try again.")
{
    /// <summary>The grain whose journal conflicted.</summary>
    public GrainId Grain { get; } = grain;
}
