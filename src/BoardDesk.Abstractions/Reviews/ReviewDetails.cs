namespace BoardDesk.Reviews;

/// <summary>A national review as callers see it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Reviews.ReviewDetails")]
public sealed record ReviewDetails
{
    /// <summary>The review's slug, such as <c>smith-2015</c>.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>Its title.</summary>
    [Id(1)]
    public required string Title { get; init; }

    /// <summary>Who led it.</summary>
    [Id(2)]
    public required string Lead { get; init; }

    /// <summary>When it was published.</summary>
    [Id(3)]
    public required DateOnly PublishedOn { get; init; }

    /// <summary>How much of <see cref="PublishedOn"/> the source states.</summary>
    [Id(4)]
    public DatePrecision PublishedPrecision { get; init; }

    /// <summary>Where it is set out.</summary>
    [Id(5)]
    public string? Source { get; init; }

    /// <summary>How many recommendations the review says it makes, when the source says so.</summary>
    [Id(6)]
    public int? StatedRecommendationCount { get; init; }

    /// <summary>The journal's version.</summary>
    [Id(7)]
    public long Version { get; init; }
}
