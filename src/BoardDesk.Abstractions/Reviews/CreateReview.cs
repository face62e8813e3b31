namespace BoardDesk.Reviews;

/// <summary>Records a national review whose recommendations are tracked.</summary>
/// <param name="Title">The review's title.</param>
/// <param name="Lead">Who led it.</param>
/// <param name="PublishedOn">When it was published, as precisely as <paramref name="PublishedPrecision"/> says.</param>
/// <param name="PublishedPrecision">How much of <paramref name="PublishedOn"/> the source states.</param>
/// <param name="Source">Where the review and the government's response are set out.</param>
/// <param name="StatedRecommendationCount">How many recommendations the review says it makes, when the source says so.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Reviews.CreateReview")]
public sealed record CreateReview(string Title, string Lead, DateOnly PublishedOn, DatePrecision PublishedPrecision = DatePrecision.Day, string? Source = null, int? StatedRecommendationCount = null);
