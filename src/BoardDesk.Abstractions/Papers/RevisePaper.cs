namespace BoardDesk.Papers;

/// <summary>Revises a paper's content as a new version.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.RevisePaper")]
public sealed record RevisePaper
{
    /// <summary>The new content.</summary>
    [Id(0)]
    public required PaperContent Content { get; init; }

    /// <summary>What changed and why.</summary>
    [Id(1)]
    public string Note { get; init; } = "";
}
