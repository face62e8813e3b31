using BoardDesk.Grains;

namespace BoardDesk.Reviews;

/// <summary>A national review, keyed by its slug (<c>smith-2015</c>); its recommendations are grains of their own.</summary>
public interface IReviewGrain : IGrainWithStringKey
{
    /// <summary>Records the review; refused when it exists already.</summary>
    Task<ReviewDetails> CreateAsync(CreateReview command);

    /// <summary>The review; <see cref="NotFoundException"/> when it does not exist.</summary>
    Task<ReviewDetails> GetAsync();
}
