using System.Reflection;
using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.PostgreSql;
using BoardDesk.Persistence.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Metadata;
using OrleansGrainId = Orleans.Runtime.GrainId;

namespace BoardDesk.Persistence.Maintenance;

/// <summary>The silo side of <see cref="IMaintenanceGrain"/>, on this silo's store.</summary>
[StatelessWorker(1), GrainType("maintenance")]
public sealed class MaintenanceGrain(IJournalStore store, EventTypes events, IServiceProvider services) : Grain, IMaintenanceGrain
{
    /// <inheritdoc />
    public async Task<StoreStatus> GetStoreStatusAsync()
    {
        var reminders = services.GetService<IReminderTable>() switch
        {
            SqliteReminderTable sqlite => await sqlite.CountAsync(),
            PostgreSqlReminderTable postgreSql => await postgreSql.CountAsync(),
            _ => -1,
        };
        var kind = store switch
        {
            SqliteJournalStore => "SQLite (embedded)",
            PostgreSqlJournalStore => "PostgreSQL (shared by the cluster)",
            _ => store.GetType().Name,
        };
        return new StoreStatus(await store.CheckHealthAsync(), kind, reminders);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalId>> ListJournalsAsync()
    {
        var journals = new List<JournalId>();
        foreach (var type in events.JournaledGrainTypes)
        {
            journals.AddRange(await store.ListGrainsAsync(type));
        }

        return journals;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChainBreak>> VerifyAsync(IReadOnlyList<JournalId> journals)
    {
        var breaks = new List<ChainBreak>();
        foreach (var journal in journals)
        {
            if (EventHasher.FindBreak(journal, await store.ReadEventsAsync(journal)) is { } found)
            {
                breaks.Add(found);
            }
        }

        return breaks;
    }

    /// <inheritdoc />
    public Task<ChainVerification> VerifyAllAsync() => store.VerifyAsync();

    /// <inheritdoc />
    public async Task RebuildReadModelsAsync(IReadOnlyList<JournalId> journals)
    {
        foreach (var journal in journals)
        {
            await GrainFactory.GetGrain<IReadModelRebuild>(OrleansGrainId.Create(journal.Type, journal.Key)).RebuildReadModelAsync();
        }
    }
}
