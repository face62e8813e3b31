namespace BoardDesk.Grains;

/// <summary>A grain's journal kept moving under it: the command was re-run once on fresh state and conflicted again.</summary>
[GenerateSerializer, Alias("BoardDesk.Grains.JournalConflictException")]
public sealed class JournalConflictException(string grain, long expected, long actual)
    : ConflictException($"'{grain}' was changed concurrently (expected version {expected}, found {actual}); try again.")
{
    /// <summary>The grain whose journal conflicted (<c>type/key</c>).</summary>
    [Id(0)]
    public string Grain { get; } = grain;
}
