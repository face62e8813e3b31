namespace BoardDesk.Papers;

/// <summary>One version of a paper's content.</summary>
public sealed record PaperVersion
{
    /// <summary>The version's number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>The content.</summary>
    public required PaperContent Content { get; init; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset RevisedAt { get; init; }

    /// <summary>Who wrote it.</summary>
    public string RevisedBy { get; init; } = "";

    /// <summary>What changed and why.</summary>
    public string Note { get; init; } = "";
}
