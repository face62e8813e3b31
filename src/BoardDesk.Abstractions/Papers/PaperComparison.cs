namespace BoardDesk.Papers;

/// <summary>Two versions of a paper compared line by line.</summary>
public sealed record PaperComparison
{
    /// <summary>The earlier version's number.</summary>
    public required int FromVersion { get; init; }

    /// <summary>The later version's number.</summary>
    public required int ToVersion { get; init; }

    /// <summary>How many lines were added.</summary>
    public int Added { get; init; }

    /// <summary>How many lines were removed.</summary>
    public int Removed { get; init; }

    /// <summary>Every line of both versions, in order.</summary>
    public IReadOnlyList<DiffLine> Lines { get; init; } = [];
}
