namespace BoardDesk.Recommendations;

/// <summary>One row of an import: where it came from in the file and the recommendation it records.</summary>
/// <param name="Row">The row's number in the file (the header is row 1), for error messages.</param>
/// <param name="Number">The recommendation's number within the review.</param>
/// <param name="Recommendation">The recommendation.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.RecommendationImportRow")]
public sealed record RecommendationImportRow(int Row, int Number, CreateRecommendation Recommendation);
