using System.Reflection;
using BoardDesk.Grains;
using BoardDesk.Runtime.Storage;
using BoardDesk.Runtime.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BoardDesk.Runtime;

/// <summary>Registers the grain runtime.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Registers the grain runtime with the grain classes and events of <paramref name="grainAssemblies"/>, and the
    /// SQLite store unless another <see cref="IJournalStore"/> is registered. The host starts and stops it.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, params Assembly[] grainAssemblies)
    {
        services.AddOptions<GrainRuntimeOptions>();
        services.AddOptions<SqliteStoreOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new GrainCatalog(grainAssemblies));
        services.TryAddSingleton(new EventTypes(grainAssemblies));
        services.TryAddSingleton<IJournalStore>(sp => new SqliteJournalStore(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));
        services.TryAddSingleton<ReadModels>();
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddHostedService<GrainRuntimeHost>();
        return services;
    }

    private sealed class GrainRuntimeHost(GrainRuntime runtime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
    }
}
