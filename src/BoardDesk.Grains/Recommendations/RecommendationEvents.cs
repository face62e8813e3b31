using BoardDesk.Persistence;

namespace BoardDesk.Recommendations;

/// <summary>The base of every recommendation event.</summary>
public abstract record RecommendationEvent;

/// <summary>The recommendation was recorded.</summary>
[JournalEvent("RecommendationCreated")]
public sealed record RecommendationCreated(
    string ReviewId,
    int Number,
    string Text,
    string? Heading,
    ImplementationStatus Status,
    RagRating? Rag,
    int ProgressPercent,
    string? EffectId = null) : RecommendationEvent;

/// <summary>The government's response was recorded.</summary>
[JournalEvent("RecommendationResponseRecorded")]
public sealed record RecommendationResponseRecorded(GovernmentResponse Response, string? Rationale, string? DecisionId = null, string? EffectId = null) : RecommendationEvent;

/// <summary>The owners were set from a date.</summary>
[JournalEvent("RecommendationOwnersAssigned")]
public sealed record RecommendationOwnersAssigned(OwnerRef? Lead, IReadOnlyList<OwnerRef> Supporting, DateOnly EffectiveOn, string RecordedBy, string? DecisionId = null, string? EffectId = null) : RecommendationEvent;

/// <summary>A dated progress update was added.</summary>
[JournalEvent("RecommendationProgressRecorded")]
public sealed record RecommendationProgressRecorded(ProgressUpdate Update, string? DecisionId = null, string? EffectId = null) : RecommendationEvent;

/// <summary>A related recommendation was linked.</summary>
[JournalEvent("RecommendationLinked")]
public sealed record RecommendationLinked(string RelatedId) : RecommendationEvent;
