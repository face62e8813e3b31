using BoardDesk.Operations;
using BoardDesk.Persistence;

namespace BoardDesk.Recommendations;

/// <summary>An import's state, folded from its events.</summary>
public sealed record RecommendationImportState : IJournaledState<RecommendationImportState, RecommendationImportEvent>
{
    /// <inheritdoc />
    public static RecommendationImportState Empty { get; } = new();

    /// <summary>The review the recommendations belong to.</summary>
    public string ReviewId { get; init; } = "";

    /// <summary>The recommendations to create and which are created.</summary>
    public OperationProgress<RecommendationImportEffect> Progress { get; init; } = OperationProgress<RecommendationImportEffect>.None;

    /// <inheritdoc />
    public RecommendationImportState Apply(RecommendationImportEvent e) => e switch
    {
        RecommendationImportPlanned planned => this with { ReviewId = planned.ReviewId, Progress = Progress.WithPlan(planned.Effects) },
        RecommendationImportEffectApplied applied => this with { Progress = Progress.WithApplied(applied.EffectId) },
        RecommendationImportEffectFailed failed => this with { Progress = Progress.WithFailure(failed.Failure) },
        RecommendationImportCompleted completed => this with { Progress = Progress.WithCompleted(completed.At) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown import event."),
    };
}
