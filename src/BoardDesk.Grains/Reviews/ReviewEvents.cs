using BoardDesk.Persistence;

namespace BoardDesk.Reviews;

/// <summary>The base of every review event.</summary>
public abstract record ReviewEvent;

/// <summary>The review was recorded.</summary>
[JournalEvent("ReviewCreated")]
public sealed record ReviewCreated(string Title, string Lead, DateOnly PublishedOn, DatePrecision PublishedPrecision, string? Source, int? StatedRecommendationCount) : ReviewEvent;
