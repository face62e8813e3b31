namespace BoardDesk.Papers;

/// <summary>Revises a paper's content as a new version.</summary>
public sealed record RevisePaper
{
    /// <summary>The new content.</summary>
    public required PaperContent Content { get; init; }

    /// <summary>What changed and why.</summary>
    public string Note { get; init; } = "";
}
