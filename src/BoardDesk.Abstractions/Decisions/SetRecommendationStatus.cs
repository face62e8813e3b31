using BoardDesk.Recommendations;

namespace BoardDesk.Decisions;

/// <summary>Sets a recommendation's implementation status, as a dated progress update.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.SetRecommendationStatus")]
public sealed record SetRecommendationStatus : DecisionEffect
{
    /// <summary>The recommendation (<c>smith-2015/9</c>).</summary>
    [Id(0)]
    public required string RecommendationId { get; init; }

    /// <summary>The new status.</summary>
    [Id(1)]
    public required ImplementationStatus Status { get; init; }

    /// <summary>The date of the update.</summary>
    [Id(2)]
    public required DateOnly On { get; init; }
}
