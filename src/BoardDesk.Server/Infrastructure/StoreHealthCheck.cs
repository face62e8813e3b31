using BoardDesk.Persistence.Maintenance;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BoardDesk.Server.Infrastructure;

/// <summary>Healthy while the journal store answers reads and its writer runs, asked through the cluster.</summary>
internal sealed class StoreHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await grains.GetGrain<IMaintenanceGrain>("store").GetStoreStatusAsync()).Healthy
                ? HealthCheckResult.Healthy("The store answers.")
                : HealthCheckResult.Unhealthy("The store's writer is not running.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store cannot be read.", error);
        }
    }
}
