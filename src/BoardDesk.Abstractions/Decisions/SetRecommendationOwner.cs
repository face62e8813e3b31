using BoardDesk.Recommendations;

namespace BoardDesk.Decisions;

/// <summary>Makes an organisation a recommendation's lead owner from a date; the supporting owners stay.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.SetRecommendationOwner")]
public sealed record SetRecommendationOwner : DecisionEffect
{
    /// <summary>The recommendation (<c>smith-2015/9</c>).</summary>
    [Id(0)]
    public required string RecommendationId { get; init; }

    /// <summary>The new lead owner.</summary>
    [Id(1)]
    public required OwnerRef LeadOwner { get; init; }

    /// <summary>The date it takes effect.</summary>
    [Id(2)]
    public required DateOnly EffectiveOn { get; init; }
}
