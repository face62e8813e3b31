using BoardDesk.Grains;

namespace BoardDesk.Recommendations;

/// <summary>An import of recommendations and how far it has got.</summary>
/// <param name="Id">The import id.</param>
/// <param name="ReviewId">The review the recommendations belong to.</param>
/// <param name="RecommendationIds">The recommendations it records, in file order.</param>
/// <param name="Completed">True once every recommendation is recorded.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.RecommendationImportDetails")]
public sealed record RecommendationImportDetails(string Id, string ReviewId, IReadOnlyList<string> RecommendationIds, bool Completed)
{
    /// <summary>How far the import has got, in words: applying, retrying after a failure (why, which attempt, when next), stopped, or completed.</summary>
    [Id(4)]
    public string Progress { get; init; } = "";

    /// <summary>The last failure not yet overcome; with no next attempt, the import stopped and is not retried.</summary>
    [Id(5)]
    public OperationFailure? LastFailure { get; init; }
}
