using System.Collections.Immutable;
using System.Text.Json.Serialization;
using BoardDesk.Operations;
using BoardDesk.Persistence;

namespace BoardDesk.Recommendations;

/// <summary>A recommendation's state, folded from its events.</summary>
public sealed record RecommendationState : IJournaledState<RecommendationState, RecommendationEvent>
{
    /// <inheritdoc />
    public static RecommendationState Empty { get; } = new();

    /// <summary>False until the recommendation is recorded.</summary>
    public bool Exists { get; init; }

    /// <summary>The review it belongs to.</summary>
    public string ReviewId { get; init; } = "";

    /// <summary>Its number within the review.</summary>
    public int Number { get; init; }

    /// <summary>The text as the source states it.</summary>
    public string Text { get; init; } = "";

    /// <summary>The heading or theme.</summary>
    public string? Heading { get; init; }

    /// <summary>The government's response.</summary>
    public GovernmentResponse? Response { get; init; }

    /// <summary>The reasons given with the response.</summary>
    public string? ResponseRationale { get; init; }

    /// <summary>Every owner assignment, in the order recorded.</summary>
    public ImmutableList<OwnerAssignment> OwnerHistory { get; init; } = [];

    /// <summary>The implementation status.</summary>
    public ImplementationStatus Status { get; init; }

    /// <summary>The RAG rating.</summary>
    public RagRating? Rag { get; init; }

    /// <summary>The progress percentage.</summary>
    public int ProgressPercent { get; init; }

    /// <summary>Dated progress updates.</summary>
    public ImmutableList<ProgressUpdate> ProgressUpdates { get; init; } = [];

    /// <summary>Related recommendations, by key.</summary>
    public ImmutableList<string> Related { get; init; } = [];

    /// <summary>The import and decision effects applied, so that a repeated one is ignored.</summary>
    public EffectLedger Effects { get; init; } = EffectLedger.Empty;

    /// <summary>The assignment with the latest effective date (the latest recorded among equals): the owners now.</summary>
    [JsonIgnore]
    public OwnerAssignment? CurrentOwners => OwnersOn(DateOnly.MaxValue, OwnerHistory);

    /// <summary>The assignment in force on a date among <paramref name="assignments"/>, in recorded order.</summary>
    public static OwnerAssignment? OwnersOn(DateOnly date, IEnumerable<OwnerAssignment> assignments) =>
        assignments.Select((a, i) => (a, i)).Where(x => x.a.EffectiveOn <= date)
            .OrderBy(x => x.a.EffectiveOn).ThenBy(x => x.i).Select(x => x.a).LastOrDefault();

    /// <inheritdoc />
    public RecommendationState Apply(RecommendationEvent e) => e switch
    {
        RecommendationCreated created => this with
        {
            Exists = true,
            ReviewId = created.ReviewId,
            Number = created.Number,
            Text = created.Text,
            Heading = created.Heading,
            Status = created.Status,
            Rag = created.Rag,
            ProgressPercent = created.ProgressPercent,
            Effects = Effects.With(created.EffectId),
        },
        RecommendationResponseRecorded response => this with { Response = response.Response, ResponseRationale = response.Rationale, Effects = Effects.With(response.EffectId) },
        RecommendationOwnersAssigned owners => this with { OwnerHistory = OwnerHistory.Add(new OwnerAssignment(owners.Lead, owners.Supporting, owners.EffectiveOn, owners.RecordedBy, owners.DecisionId)), Effects = Effects.With(owners.EffectId) },
        RecommendationProgressRecorded progress => this with
        {
            ProgressUpdates = ProgressUpdates.Add(progress.Update),
            Status = progress.Update.Status,
            Rag = progress.Update.Rag,
            ProgressPercent = progress.Update.Percent,
            Effects = Effects.With(progress.EffectId),
        },
        RecommendationLinked linked => this with { Related = Related.Add(linked.RelatedId) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown recommendation event."),
    };
}
