using BoardDesk.Recommendations;

namespace BoardDesk.Decisions;

/// <summary>Sets a recommendation's implementation status, as a dated progress update.</summary>
public sealed record SetRecommendationStatus : DecisionEffect
{
    /// <summary>The recommendation (<c>smith-2015/9</c>).</summary>
    public required string RecommendationId { get; init; }

    /// <summary>The new status.</summary>
    public required ImplementationStatus Status { get; init; }

    /// <summary>The date of the update.</summary>
    public required DateOnly On { get; init; }
}
