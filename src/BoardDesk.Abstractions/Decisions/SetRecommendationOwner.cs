using BoardDesk.Recommendations;

namespace BoardDesk.Decisions;

/// <summary>Makes an organisation a recommendation's lead owner from a date; the supporting owners stay.</summary>
public sealed record SetRecommendationOwner : DecisionEffect
{
    /// <summary>The recommendation (<c>smith-2015/9</c>).</summary>
    public required string RecommendationId { get; init; }

    /// <summary>The new lead owner.</summary>
    public required OwnerRef LeadOwner { get; init; }

    /// <summary>The date it takes effect.</summary>
    public required DateOnly EffectiveOn { get; init; }
}
