using BoardDesk.Grains;

namespace BoardDesk.Recommendations;

/// <summary>Creating one recommendation, as an effect of an import.</summary>
/// <param name="EffectId">The effect id.</param>
/// <param name="RecommendationId">The recommendation's key.</param>
/// <param name="Recommendation">What to record.</param>
public sealed record RecommendationImportEffect(string EffectId, string RecommendationId, CreateRecommendation Recommendation) : IPlannedEffect;
