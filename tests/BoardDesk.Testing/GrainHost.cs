using System.Reflection;
using BoardDesk.Grains;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace BoardDesk.Testing;

/// <summary>
/// An Orleans test cluster (<see cref="InProcessTestCluster"/>, one silo unless asked for more) with BoardDesk's
/// persistence on a real SQLite file, for tests and benchmarks: the same grains and store the server hosts, without
/// the web host. Grain calls go through the cluster's client. Dispose stops the cluster; the database file stays for
/// as long as its folder does, so a second host on the same file sees what the first one committed.
/// </summary>
public sealed class GrainHost : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;
    private readonly IJournalStore? _sharedStore;
    private bool _stopped;

    private GrainHost(InProcessTestCluster cluster, IJournalStore? sharedStore)
    {
        _cluster = cluster;
        _sharedStore = sharedStore;
    }

    /// <summary>The Orleans test cluster.</summary>
    public InProcessTestCluster Cluster => _cluster;

    /// <summary>The grain factory (the cluster's client).</summary>
    public IGrainFactory Grains => _cluster.Client;

    /// <summary>The first silo's services.</summary>
    public IServiceProvider Services => _cluster.GetSiloServiceProvider();

    /// <summary>The store.</summary>
    public IJournalStore Store => _sharedStore ?? Services.GetRequiredService<IJournalStore>();

    /// <summary>The read models the first silo's grains publish.</summary>
    public ReadModels ReadModels => Services.GetRequiredService<ReadModels>();

    /// <summary>The event types.</summary>
    public EventTypes Events => Services.GetRequiredService<EventTypes>();

    /// <summary>How many Orleans reminders are registered in the SQLite reminder table.</summary>
    public Task<int> ReminderCountAsync() => Services.GetRequiredService<SqliteReminderTable>().CountAsync();

    /// <summary>How many reminders named <paramref name="name"/> are registered, whichever grains hold them.</summary>
    public async Task<int> ReminderCountAsync(string name) =>
        (await Services.GetRequiredService<SqliteReminderTable>().ReadRows(0, 0)).Reminders.Count(r => r.ReminderName == name);

    /// <summary>How many activations of grains whose class name contains <paramref name="grainClass"/> the cluster holds.</summary>
    public async Task<int> ActivationCountAsync(string grainClass)
    {
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains(grainClass, StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    /// <summary>Asks every silo to deactivate every activation now, as idle collection would.</summary>
    public Task CollectAllAsync() => Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>Reads a grain's journal as typed history entries.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ReadHistoryAsync(JournalId grain)
    {
        var stored = await Store.ReadEventsAsync(grain);
        return stored.Select(Events.ToEntry).ToList();
    }

    /// <summary>
    /// Starts a cluster for the grains of <paramref name="grainAssemblies"/> (BoardDesk's own when none are given) on
    /// <paramref name="databasePath"/>. Reminders retry after a second, and calls time out after ten.
    /// </summary>
    public static Task<GrainHost> StartAsync(string databasePath, Action<RuntimeOptions>? configure = null, Action<IServiceCollection>? services = null, params Assembly[] grainAssemblies) =>
        StartAsync(new GrainHostOptions(databasePath) { Configure = configure, Services = services, GrainAssemblies = grainAssemblies });

    /// <summary>Starts a cluster as <paramref name="options"/> say.</summary>
    public static async Task<GrainHost> StartAsync(GrainHostOptions options)
    {
        // Silos of one cluster share one store, as the nodes of a deployment share one database.
        var sharedStore = options.Silos > 1 ? new SqliteJournalStore(new SqliteStoreOptions { DatabasePath = options.DatabasePath }) : null;
        var builder = new InProcessTestClusterBuilder(options.Silos);
        // Orleans' test cluster writes a log file per silo into ./logs unless told not to.
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.Configure<SqliteStoreOptions>(o => o.DatabasePath = options.DatabasePath);
            silo.Services.Configure<RuntimeOptions>(o =>
            {
                o.ReminderRetryDelay = TimeSpan.FromSeconds(1);
                o.ResponseTimeout = TimeSpan.FromSeconds(10);
                options.Configure?.Invoke(o);
            });
            if (sharedStore is not null)
            {
                silo.Services.AddSingleton<IJournalStore>(sharedStore);
            }

            options.Services?.Invoke(silo.Services);
            if (options.GrainAssemblies.Count == 0)
            {
                silo.AddBoardDeskGrains();
            }
            else
            {
                silo.AddBoardDeskPersistence([.. options.GrainAssemblies]);
            }
        });
        builder.ConfigureClient(client => client.Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = options.ClientResponseTimeout));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainHost(cluster, sharedStore);
    }

    /// <summary>
    /// Stops as a crash would: every silo is killed, so calls in progress never finish and nothing is deactivated
    /// gracefully; the store is closed, so that another host can open the same file and find only what was committed.
    /// </summary>
    public async Task CrashAsync()
    {
        _stopped = true;
        var stores = _cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IJournalStore>()).Distinct().ToList();
        foreach (var silo in _cluster.Silos.ToList())
        {
            await _cluster.KillSiloAsync(silo);
        }

        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await _cluster.DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        if (_sharedStore is not null)
        {
            await _sharedStore.DisposeAsync();
        }
    }
}
