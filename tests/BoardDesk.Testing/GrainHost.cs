using System.Reflection;
using BoardDesk.Grains;
using BoardDesk.Runtime;
using BoardDesk.Runtime.Storage;
using BoardDesk.Runtime.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Testing;

/// <summary>
/// A grain runtime on a real SQLite file, for tests and benchmarks: the same runtime the server hosts, without
/// the web host. Dispose stops the runtime; the database file stays for as long as its folder does, so a second
/// host on the same file sees what the first one committed.
/// </summary>
public sealed class GrainHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _stopped;

    private GrainHost(ServiceProvider services)
    {
        _services = services;
        Runtime = services.GetRequiredService<GrainRuntime>();
    }

    /// <summary>The runtime, which is also the grain factory.</summary>
    public GrainRuntime Runtime { get; }

    /// <summary>The grain factory.</summary>
    public IGrainFactory Grains => Runtime;

    /// <summary>The store.</summary>
    public IJournalStore Store => Runtime.Store;

    /// <summary>Starts a runtime for the grains of <paramref name="grainAssemblies"/> (BoardDesk's own when none are given) on <paramref name="databasePath"/>.</summary>
    public static async Task<GrainHost> StartAsync(string databasePath, Action<GrainRuntimeOptions>? configure = null, Action<IServiceCollection>? services = null, params Assembly[] grainAssemblies)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.Configure<SqliteStoreOptions>(o => o.DatabasePath = databasePath);
        collection.Configure<GrainRuntimeOptions>(o => configure?.Invoke(o));
        services?.Invoke(collection);
        collection.AddGrainRuntime(grainAssemblies.Length > 0 ? grainAssemblies : [typeof(BoardDesk.DependencyInjection).Assembly]);
        var provider = collection.BuildServiceProvider();
        var host = new GrainHost(provider);
        await host.Runtime.StartAsync();
        return host;
    }

    /// <summary>
    /// Stops as a crash would: turns in progress are left where they are and never finish, and the store is closed,
    /// so that another host can open the same file and find only what was committed.
    /// </summary>
    public async Task CrashAsync()
    {
        _stopped = true;
        await Runtime.StopAsync(new CancellationToken(canceled: true));
        await _services.DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await Runtime.StopAsync();
        await _services.DisposeAsync();
    }
}
