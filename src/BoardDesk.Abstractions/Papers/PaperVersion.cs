namespace BoardDesk.Papers;

/// <summary>One version of a paper's content.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.PaperVersion")]
public sealed record PaperVersion
{
    /// <summary>The version's number, from 1.</summary>
    [Id(0)]
    public required int Number { get; init; }

    /// <summary>The content.</summary>
    [Id(1)]
    public required PaperContent Content { get; init; }

    /// <summary>When it was written.</summary>
    [Id(2)]
    public DateTimeOffset RevisedAt { get; init; }

    /// <summary>Who wrote it.</summary>
    [Id(3)]
    public string RevisedBy { get; init; } = "";

    /// <summary>What changed and why.</summary>
    [Id(4)]
    public string Note { get; init; } = "";
}
