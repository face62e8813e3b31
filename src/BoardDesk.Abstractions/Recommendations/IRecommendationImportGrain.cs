using BoardDesk.Grains;

namespace BoardDesk.Recommendations;

/// <summary>
/// One all-or-nothing import of a review's recommendations, keyed by an import id. Every row is checked before any
/// is recorded; one bad row rejects the whole import with the row's number and the reason. Once checked, the rows
/// are recorded durably and created exactly once, after a restart if need be.
/// </summary>
[Alias("BoardDesk.Recommendations.IRecommendationImportGrain")]
public interface IRecommendationImportGrain : IGrainWithStringKey
{
    /// <summary>Checks every row, then records them all; a <see cref="ValidationException"/> names each bad row.</summary>
    [Alias("ImportAsync")]
    Task<RecommendationImportDetails> ImportAsync(string reviewId, IReadOnlyList<RecommendationImportRow> rows);

    /// <summary>The import; <see cref="NotFoundException"/> when nothing was imported under this id.</summary>
    [Alias("GetAsync")]
    Task<RecommendationImportDetails> GetAsync();
}
