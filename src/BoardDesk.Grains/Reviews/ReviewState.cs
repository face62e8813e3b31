using BoardDesk.Persistence;

namespace BoardDesk.Reviews;

/// <summary>A review's state, folded from its events.</summary>
public sealed record ReviewState : IJournaledState<ReviewState, ReviewEvent>
{
    /// <inheritdoc />
    public static ReviewState Empty { get; } = new();

    /// <summary>The review as recorded; null until it is.</summary>
    public ReviewCreated? Review { get; init; }

    /// <inheritdoc />
    public ReviewState Apply(ReviewEvent e) => e switch
    {
        ReviewCreated created => this with { Review = created },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown review event."),
    };
}
