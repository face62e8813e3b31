using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Hosting;

namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>Puts a silo's journals, reminders and cluster membership in one PostgreSQL database that every node shares.</summary>
public static class PostgreSqlSilo
{
    /// <summary>
    /// Registers the PostgreSQL journal store, reminder table and membership table on <paramref name="connectionString"/>,
    /// with the journal key at <paramref name="keyPath"/> (the same file on every node). Call before the grains are
    /// added, so that the SQLite defaults stay out.
    /// </summary>
    public static ISiloBuilder UseBoardDeskPostgreSql(this ISiloBuilder silo, string connectionString, string keyPath)
    {
        var services = silo.Services;
        services.TryAddSingleton(_ => PostgreSqlDataSource.Create(connectionString));
        services.TryAddSingleton(new PostgreSqlStoreOptions { ConnectionString = connectionString, KeyPath = keyPath });
        services.TryAddSingleton(sp => new PostgreSqlDocuments(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IJournalStore>(sp => new PostgreSqlJournalStore(sp.GetRequiredService<PostgreSqlStoreOptions>(), sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IReminderTable, PostgreSqlReminderTable>();
        services.TryAddSingleton<PostgreSqlMembershipTable>();
        services.AddSingleton<IMembershipTable>(sp => sp.GetRequiredService<PostgreSqlMembershipTable>());
        return silo;
    }
}
