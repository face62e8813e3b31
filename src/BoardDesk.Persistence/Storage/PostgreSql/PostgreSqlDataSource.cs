using Npgsql;

namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>The data source every PostgreSQL part of a node opens its connections from.</summary>
public static class PostgreSqlDataSource
{
    /// <summary>The statements each connection keeps prepared unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// A data source on <paramref name="connectionString"/> that prepares the statements it runs often (the journal's
    /// inserts, heads and checkpoint, the register's queries): PostgreSQL then parses and plans each once per
    /// connection instead of on every call. A connection string that sets <c>Max Auto Prepare</c> keeps its own value.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)) && !builder.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
