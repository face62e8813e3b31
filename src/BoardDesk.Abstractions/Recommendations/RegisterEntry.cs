namespace BoardDesk.Recommendations;

/// <summary>One line of the recommendation register.</summary>
/// <param name="Recommendation">The recommendation as recorded.</param>
/// <param name="CurrentLeadOwner">Its lead owner now, resolved through lineage; null when it has none.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.RegisterEntry")]
public sealed record RegisterEntry(RecommendationDetails Recommendation, ResolvedOwner? CurrentLeadOwner);
