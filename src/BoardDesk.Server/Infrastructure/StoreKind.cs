namespace BoardDesk.Server.Infrastructure;

/// <summary>Where a silo keeps its journals, reminders and membership (setting <c>BoardDesk:Store</c>).</summary>
public enum StoreKind
{
    /// <summary>The embedded default: one SQLite file in the data folder, one node.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database (<c>ConnectionStrings:BoardDesk</c>) shared by every node of a cluster.</summary>
    PostgreSql,
}
