using BoardDesk.Recommendations;

namespace BoardDesk.Decisions;

/// <summary>Records a recommendation's response.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.SetRecommendationResponse")]
public sealed record SetRecommendationResponse : DecisionEffect
{
    /// <summary>The recommendation (<c>smith-2015/9</c>).</summary>
    [Id(0)]
    public required string RecommendationId { get; init; }

    /// <summary>The response.</summary>
    [Id(1)]
    public required GovernmentResponse Response { get; init; }

    /// <summary>Its rationale.</summary>
    [Id(2)]
    public string? Rationale { get; init; }
}
