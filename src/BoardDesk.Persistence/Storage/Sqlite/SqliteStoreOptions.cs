namespace BoardDesk.Persistence.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "boarddesk.db");

    /// <summary>The most turns committed in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;
}
