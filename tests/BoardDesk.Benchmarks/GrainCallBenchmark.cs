using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Benchmarks;

/// <summary>
/// (a) A no-op call on a BoardDesk grain (<see cref="AppendGrain.NoOpAsync"/>: a journaled grain, its call filter, a
/// turn with nothing to commit) against the same no-op on a bare Orleans <see cref="Grain"/> in the same silo, with one
/// caller and with 64. Calls are made inside the silo (its own grain factory), so that neither figure includes a client
/// hop and the difference is BoardDesk's alone. The SemaphoreSlim-guarded plain object is printed for reference.
/// </summary>
public static class GrainCallBenchmark
{
    private const double Goal = 1.3;

    /// <summary>Measures each caller count <paramref name="runs"/> times for <paramref name="duration"/> per contender.</summary>
    public static async Task RunAsync(Report report, TimeSpan duration, int runs)
    {
        using var folder = new TemporaryFolder();
        await using var host = await GrainHost.StartAsync(new GrainHostOptions(folder.File("calls.db")) { GrainAssemblies = [typeof(AppendGrain).Assembly] });
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        foreach (var callers in new[] { 1, 64 })
        {
            var bare = Enumerable.Range(0, callers).Select(i => factory.GetGrain<INoOpGrain>($"no-op-{i}")).ToArray();
            var journaled = Enumerable.Range(0, callers).Select(i => factory.GetGrain<IAppendGrain>($"no-op-{i}")).ToArray();
            var guarded = Enumerable.Range(0, callers).Select(_ => new GuardedNoOp()).ToArray();
            Func<int, Task>[] contenders = [i => bare[i].NoOpAsync(), i => journaled[i].NoOpAsync(), i => guarded[i].NoOpAsync()];

            // A first short round activates the grains and compiles the paths; it is not counted.
            await Throughput.BestOfAsync(1, duration / 4, callers, contenders);
            var best = await Throughput.BestOfAsync(runs, duration, callers, contenders);
            var (bareRate, journaledRate, guardedRate) = (best[0], best[1], best[2]);

            var cost = bareRate / journaledRate;
            report.Add(new Figure("(a)", $"no-op call, {callers} caller{(callers == 1 ? "" : "s")}",
                $"{journaledRate,9:N0} calls/s", $"bare Grain {bareRate:N0} calls/s", $"{cost:F2}x cost", $"<= {Goal:F1}x", cost <= Goal,
                $"a call to a journaled BoardDesk grain that raises nothing costs {cost:F2}x the same call to a bare Orleans grain in the same silo"));
            report.Add(new Figure("(a)", $"  reference: guarded object, {callers}",
                $"{guardedRate,9:N0} calls/s", $"BoardDesk grain {journaledRate:N0} calls/s", $"{guardedRate / journaledRate:F1}x faster", null, null,
                "the same no-op on a plain object behind a SemaphoreSlim: what an Orleans call costs at all, for scale"));
        }
    }
}
