namespace BoardDesk.Persistence;

/// <summary>One entry of a grain's history: the event as a typed object with its sequence, time and acting user.</summary>
public sealed record JournalEntry(long Sequence, object Event, string Type, DateTimeOffset RecordedAt, string User);
