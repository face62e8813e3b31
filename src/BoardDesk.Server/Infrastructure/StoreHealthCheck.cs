using BoardDesk.Persistence.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BoardDesk.Server.Infrastructure;

/// <summary>Healthy while the journal store answers reads and its writer runs.</summary>
internal sealed class StoreHealthCheck(IJournalStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.CheckHealthAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The store answers.")
                : HealthCheckResult.Unhealthy("The store's writer is not running.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store cannot be read.", error);
        }
    }
}
