using BoardDesk.Recommendations;

namespace BoardDesk.Decisions;

/// <summary>Records a recommendation's response.</summary>
public sealed record SetRecommendationResponse : DecisionEffect
{
    /// <summary>The recommendation (<c>smith-2015/9</c>).</summary>
    public required string RecommendationId { get; init; }

    /// <summary>The response.</summary>
    public required GovernmentResponse Response { get; init; }

    /// <summary>Its rationale.</summary>
    public string? Rationale { get; init; }
}
