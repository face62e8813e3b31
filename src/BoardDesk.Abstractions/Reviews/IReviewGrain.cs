using BoardDesk.Grains;

namespace BoardDesk.Reviews;

/// <summary>A national review, keyed by its slug (<c>smith-2015</c>); its recommendations are grains of their own.</summary>
[Alias("BoardDesk.Reviews.IReviewGrain")]
public interface IReviewGrain : IGrainWithStringKey
{
    /// <summary>Records the review; refused when it exists already.</summary>
    [Alias("CreateAsync")]
    Task<ReviewDetails> CreateAsync(CreateReview command);

    /// <summary>The review; <see cref="NotFoundException"/> when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<ReviewDetails> GetAsync();
}
