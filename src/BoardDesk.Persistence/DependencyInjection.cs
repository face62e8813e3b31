using System.Reflection;
using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace BoardDesk.Persistence;

/// <summary>Registers BoardDesk's persistence on a silo: journals, read models, reminders and their settings.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds BoardDesk's journals (the SQLite store unless another <see cref="IJournalStore"/> is registered), read
    /// models and the SQLite reminder table to the silo, with the events of <paramref name="grainAssemblies"/>, and
    /// applies <see cref="RuntimeOptions"/> to Orleans' idle collection, memory shedding, response timeout and
    /// reminders. The store is opened before the silo takes its first call.
    /// </summary>
    public static ISiloBuilder AddBoardDeskPersistence(this ISiloBuilder silo, params Assembly[] grainAssemblies)
    {
        var services = silo.Services;
        services.AddOptions<RuntimeOptions>()
            .Validate(o => o.ReminderRetryDelay >= TimeSpan.FromSeconds(1), "Runtime:ReminderRetryDelay is at least a second.")
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.CollectionInterval > TimeSpan.Zero, "Runtime:IdleTimeout and Runtime:CollectionInterval are positive.")
            .Validate(o => o.ResponseTimeout >= TimeSpan.FromSeconds(1), "Runtime:ResponseTimeout is at least a second.")
            .Validate(o => o.MemoryLimitPercent is >= 0 and < 100, "Runtime:MemoryLimitPercent is between 0 (off) and 99.");
        services.AddOptions<SqliteStoreOptions>();
        services.TryAddKeyedSingleton(BoardDeskClock.Key, TimeProvider.System);
        services.TryAddSingleton(new EventTypes(grainAssemblies));
        services.TryAddSingleton<IJournalStore>(sp => new SqliteJournalStore(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));
        services.TryAddSingleton<ReadModels>();
        services.TryAddSingleton<IReadModels>(sp => sp.GetRequiredService<ReadModels>());
        services.TryAddSingleton<JournalServices>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StoreLifecycle>();

        services.TryAddSingleton<SqliteReminderTable>();
        services.TryAddSingleton<IReminderTable>(sp => sp.GetRequiredService<SqliteReminderTable>());
        silo.AddReminders();

        services.AddOptions<GrainCollectionOptions>().Configure<IOptions<RuntimeOptions>>((collection, runtime) =>
        {
            var options = runtime.Value;
            collection.CollectionAge = options.IdleTimeout;
            // Orleans requires the age to exceed the quantum.
            collection.CollectionQuantum = options.CollectionInterval < options.IdleTimeout ? options.CollectionInterval : options.IdleTimeout / 2;
            collection.EnableActivationSheddingOnMemoryPressure = options.MemoryLimitPercent > 0;
            if (options.MemoryLimitPercent > 0)
            {
                collection.MemoryUsageLimitPercentage = options.MemoryLimitPercent;
                collection.MemoryUsageTargetPercentage = Math.Max(1, options.MemoryLimitPercent - 10);
            }
        });
        services.AddOptions<SiloMessagingOptions>().Configure<IOptions<RuntimeOptions>>((messaging, runtime) => messaging.ResponseTimeout = runtime.Value.ResponseTimeout);
        services.AddOptions<ReminderOptions>().Configure<IOptions<RuntimeOptions>>((reminders, runtime) =>
        {
            if (runtime.Value.ReminderRetryDelay < reminders.MinimumReminderPeriod)
            {
                reminders.MinimumReminderPeriod = runtime.Value.ReminderRetryDelay;
            }
        });

        services.AddHostedService<MemoryReclaimer>();

        // Orleans logs this warning at every silo start on a busy machine, with nothing to act on.
        services.AddLogging(logging => logging
            .AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error)
            .AddFilter("Orleans.Runtime.SiloOptionsLogger", LogLevel.Warning)
            .AddFilter("Polly", LogLevel.Warning));
        return silo;
    }

    /// <summary>
    /// Opens the store when the silo starts, before any grain is activated. The container that created the store
    /// closes it when the host stops; a store shared by several silos (tests) is closed by its owner.
    /// </summary>
    private sealed class StoreLifecycle(IJournalStore store) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
            nameof(StoreLifecycle),
            ServiceLifecycleStage.RuntimeStorageServices,
            store.InitializeAsync,
            _ => Task.CompletedTask);
    }
}
