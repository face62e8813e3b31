namespace BoardDesk.Persistence.Maintenance;

/// <summary>The store as a silo sees it.</summary>
/// <param name="Healthy">True when the store can be read and written now.</param>
/// <param name="Kind">Which store (the embedded SQLite file, or a database server).</param>
/// <param name="Reminders">How many reminders are registered, or -1 when the reminder table cannot count them.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Persistence.Maintenance.StoreStatus")]
public sealed record StoreStatus(bool Healthy, string Kind, int Reminders);
