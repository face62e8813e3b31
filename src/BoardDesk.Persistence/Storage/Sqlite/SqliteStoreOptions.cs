namespace BoardDesk.Persistence.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "boarddesk.db");

    /// <summary>
    /// The file holding the store's secret key, which signs journal checkpoints and derives sealed-box keys; it must
    /// not be inside the database. Default: <c>keys/journal.key</c> in the database's folder, beside the key ring.
    /// </summary>
    public string? KeyPath { get; set; }

    /// <summary>The key file in use: <see cref="KeyPath"/>, or its default beside the database.</summary>
    public string ResolvedKeyPath => KeyPath is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabasePath)) ?? ".", "keys", "journal.key");

    /// <summary>The most turns committed in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;
}
