namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>Settings of the PostgreSQL store that every node of a cluster shares.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The Npgsql connection string (<c>ConnectionStrings:BoardDesk</c>).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The file holding the journal key, which signs checkpoints and derives sealed-box keys. Every node of a cluster
    /// needs the same key; it is never kept in the database.
    /// </summary>
    public string KeyPath { get; set; } = Path.Combine("data", "keys", "journal.key");

    /// <summary>The most turns committed in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;
}
