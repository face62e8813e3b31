namespace BoardDesk.Papers;

/// <summary>Two versions of a paper compared line by line.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.PaperComparison")]
public sealed record PaperComparison
{
    /// <summary>The earlier version's number.</summary>
    [Id(0)]
    public required int FromVersion { get; init; }

    /// <summary>The later version's number.</summary>
    [Id(1)]
    public required int ToVersion { get; init; }

    /// <summary>How many lines were added.</summary>
    [Id(2)]
    public int Added { get; init; }

    /// <summary>How many lines were removed.</summary>
    [Id(3)]
    public int Removed { get; init; }

    /// <summary>Every line of both versions, in order.</summary>
    [Id(4)]
    public IReadOnlyList<DiffLine> Lines { get; init; } = [];
}
