using BoardDesk.Grains;

namespace BoardDesk.Runtime.Storage;

/// <summary>A durable reminder: which grain, its name, when it is next due and its period (none for a one-off).</summary>
public sealed record StoredReminder(GrainId Grain, string Name, DateTimeOffset DueAt, TimeSpan? Period);
