using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace BoardDesk.Persistence;

/// <summary>
/// Gives memory back to the machine once Orleans has collected many idle activations. An idle server allocates
/// almost nothing, so no full garbage collection would otherwise run to free what the collected activations held,
/// and the process would keep its peak size. When the silo's activations fall by at least
/// <see cref="ReclaimAfterFreed"/> and by half since the last look, one aggressive, compacting collection runs.
/// </summary>
public sealed class MemoryReclaimer(IActivationWorkingSet activations, IOptions<RuntimeOptions> options, ILogger<MemoryReclaimer> logger) : BackgroundService
{
    /// <summary>How many activations must have gone before memory is reclaimed.</summary>
    public const int ReclaimAfterFreed = 10_000;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionInterval);
        var peak = activations.Count;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = activations.Count;
                if (peak - now >= ReclaimAfterFreed && now <= peak / 2)
                {
                    var before = Environment.WorkingSet;
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    logger.LogInformation("{Freed} idle activations were collected; memory reclaimed: working set {Before} MB -> {After} MB",
                        peak - now, before / (1024 * 1024), Environment.WorkingSet / (1024 * 1024));
                    peak = now;
                }
                else
                {
                    peak = Math.Max(peak, now);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }
}
