namespace BoardDesk.Persistence.Storage;

/// <summary>An event a turn raised, ready to append: its persisted type name, JSON payload, time and acting user.</summary>
public sealed record NewEvent(string Type, string Payload, DateTimeOffset RecordedAt, string User);
