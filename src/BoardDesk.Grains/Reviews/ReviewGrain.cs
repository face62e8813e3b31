using BoardDesk.Grains;
using BoardDesk.Persistence;

namespace BoardDesk.Reviews;

/// <summary>A national review: title, lead, publication and source. Its recommendations are grains of their own.</summary>
[GrainType("review")]
public sealed class ReviewGrain : JournaledGrain<ReviewState, ReviewEvent>, IReviewGrain
{
    /// <summary>The longest title, lead or source accepted.</summary>
    public const int MaxTextLength = 500;

    /// <inheritdoc />
    protected override object? ReadModel => State.Review is null ? null : Details();

    /// <inheritdoc />
    public Task<ReviewDetails> CreateAsync(CreateReview command)
    {
        if (!Slug.IsValid(Key))
        {
            throw new ValidationException("id", "A review id is a lowercase slug of letters, digits and single hyphens, at most 64 characters (for example smith-2015).");
        }

        var title = Required(command.Title, "title");
        var lead = Required(command.Lead, "lead");
        var source = string.IsNullOrWhiteSpace(command.Source) ? null : Required(command.Source, "source");
        if (!Enum.IsDefined(command.PublishedPrecision))
        {
            throw new ValidationException("publishedPrecision", $"'{command.PublishedPrecision}' is not a precision.");
        }

        if (command.StatedRecommendationCount is < 1 or > 10_000)
        {
            throw new ValidationException("statedRecommendationCount", "A review states between 1 and 10,000 recommendations.");
        }

        if (State.Review is not null)
        {
            throw new ConflictException($"The review '{Key}' exists already.");
        }

        Raise(new ReviewCreated(title, lead, command.PublishedOn, command.PublishedPrecision, source, command.StatedRecommendationCount));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<ReviewDetails> GetAsync() => State.Review is null
        ? throw new NotFoundException($"There is no review '{Key}'.")
        : Task.FromResult(Details());

    private static string Required(string? value, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxTextLength)
        {
            throw new ValidationException(field, $"Give 1 to {MaxTextLength} characters.");
        }

        return trimmed;
    }

    private ReviewDetails Details()
    {
        var review = State.Review!;
        return new ReviewDetails
        {
            Id = Key,
            Title = review.Title,
            Lead = review.Lead,
            PublishedOn = review.PublishedOn,
            PublishedPrecision = review.PublishedPrecision,
            Source = review.Source,
            StatedRecommendationCount = review.StatedRecommendationCount,
            Version = Version,
        };
    }
}
