namespace BoardDesk.Reviews;

/// <summary>A national review as callers see it.</summary>
public sealed record ReviewDetails
{
    /// <summary>The review's slug, such as <c>smith-2015</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>Who led it.</summary>
    public required string Lead { get; init; }

    /// <summary>When it was published.</summary>
    public required DateOnly PublishedOn { get; init; }

    /// <summary>How much of <see cref="PublishedOn"/> the source states.</summary>
    public DatePrecision PublishedPrecision { get; init; }

    /// <summary>Where it is set out.</summary>
    public string? Source { get; init; }

    /// <summary>How many recommendations the review says it makes, when the source says so.</summary>
    public int? StatedRecommendationCount { get; init; }

    /// <summary>The journal's version.</summary>
    public long Version { get; init; }
}
