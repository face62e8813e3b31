using BoardDesk.Grains;
using BoardDesk.Persistence;

namespace BoardDesk.Recommendations;

/// <summary>The base of every import event.</summary>
public abstract record RecommendationImportEvent;

/// <summary>Every row was checked and recorded, before any recommendation was created.</summary>
[JournalEvent("RecommendationImportPlanned")]
public sealed record RecommendationImportPlanned(string ReviewId, IReadOnlyList<RecommendationImportEffect> Effects) : RecommendationImportEvent;

/// <summary>One recommendation was created.</summary>
[JournalEvent("RecommendationImportEffectApplied")]
public sealed record RecommendationImportEffectApplied(string EffectId) : RecommendationImportEvent;

/// <summary>Creating one recommendation failed; with no next attempt, the import stopped there.</summary>
[JournalEvent("RecommendationImportEffectFailed")]
public sealed record RecommendationImportEffectFailed(OperationFailure Failure) : RecommendationImportEvent;

/// <summary>Every recommendation was created.</summary>
[JournalEvent("RecommendationImportCompleted")]
public sealed record RecommendationImportCompleted(DateTimeOffset At) : RecommendationImportEvent;
