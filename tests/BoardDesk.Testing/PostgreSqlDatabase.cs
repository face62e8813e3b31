using Npgsql;

namespace BoardDesk.Testing;

/// <summary>
/// A fresh PostgreSQL database of one test, created empty and dropped (with every connection to it) on dispose, so
/// that tests running in parallel never see each other's rows. Its journal key lives in a temporary folder.
/// </summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable
{
    private readonly TemporaryFolder _folder = new();

    private PostgreSqlDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(PostgreSql.AdminConnectionString) { Database = name, Timeout = 15, CommandTimeout = 60 }.ConnectionString;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>Its connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The journal key file every node of a test shares.</summary>
    public string KeyPath => _folder.File("journal.key");

    /// <summary>A temporary folder of the test, removed with the database.</summary>
    public TemporaryFolder Folder => _folder;

    /// <summary>Creates an empty database with a unique name.</summary>
    public static async Task<PostgreSqlDatabase> CreateAsync()
    {
        var database = new PostgreSqlDatabase("boarddesk_test_" + Guid.NewGuid().ToString("N")[..16]);
        await using var admin = new NpgsqlConnection(PostgreSql.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", admin);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    /// <summary>Runs SQL on the database as an outsider would (to alter rows behind the store's back).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query that answers one number.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await using (var admin = new NpgsqlConnection(PostgreSql.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
            await command.ExecuteNonQueryAsync();
        }

        _folder.Dispose();
    }
}
