namespace BoardDesk.Runtime.Storage;

/// <summary>Registers (with a due time) or removes (<see cref="DueAt"/> null) one reminder of a grain.</summary>
public sealed record ReminderChange(string Name, DateTimeOffset? DueAt, TimeSpan? Period);
