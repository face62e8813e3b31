using System.Diagnostics;
using BoardDesk.Testing;

namespace BoardDesk.Benchmarks;

/// <summary>(a) No-op grain calls against the same no-op on a SemaphoreSlim-guarded object, one caller and 64 callers.</summary>
public static class GrainCallBenchmark
{
    public static async Task<IReadOnlyList<Result>> RunAsync(int calls)
    {
        using var folder = new TemporaryFolder();
        await using var host = await GrainHost.StartAsync(folder.File("calls.db"), null, null, typeof(NoOpGrain).Assembly);
        var results = new List<Result>();
        foreach (var callers in new[] { 1, 64 })
        {
            var grains = Enumerable.Range(0, callers).Select(i => host.Grains.GetGrain<INoOpGrain>($"noop-{i}")).ToArray();
            var guarded = Enumerable.Range(0, callers).Select(_ => new GuardedNoOp()).ToArray();
            var perCaller = calls / callers;

            // Warm up both paths (JIT, activations), then take the best of three runs of each.
            await MeasureAsync(callers, perCaller / 10, i => grains[i].NoOpAsync());
            await MeasureAsync(callers, perCaller / 10, i => guarded[i].NoOpAsync());
            var grain = TimeSpan.MaxValue;
            var baseline = TimeSpan.MaxValue;
            for (var run = 0; run < 3; run++)
            {
                grain = Min(grain, await MeasureAsync(callers, perCaller, i => grains[i].NoOpAsync()));
                baseline = Min(baseline, await MeasureAsync(callers, perCaller, i => guarded[i].NoOpAsync()));
            }

            results.Add(new Result($"no-op call, {callers} caller(s)", perCaller * callers / grain.TotalSeconds, perCaller * callers / baseline.TotalSeconds));
        }

        return results;
    }

    private static async Task<TimeSpan> MeasureAsync(int callers, int callsEach, Func<int, Task<int>> call)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            for (var n = 0; n < callsEach; n++)
            {
                await call(i);
            }
        })));
        return clock.Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
