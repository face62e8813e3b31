namespace BoardDesk.Recommendations;

/// <summary>Who owned a recommendation on a date: as recorded then, and resolved through lineage as it stood then.</summary>
/// <param name="RecommendationId">The recommendation.</param>
/// <param name="On">The date asked about.</param>
/// <param name="Recorded">The owner assignment in force that day, from the journal; null when none was.</param>
/// <param name="LeadOwner">The lead owner that day, resolved through the changes that had taken effect by then.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.OwnershipOnDate")]
public sealed record OwnershipOnDate(string RecommendationId, DateOnly On, OwnerAssignment? Recorded, ResolvedOwner? LeadOwner);
