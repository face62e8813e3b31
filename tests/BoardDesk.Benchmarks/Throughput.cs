using System.Diagnostics;

namespace BoardDesk.Benchmarks;

/// <summary>Measures how many operations per second a number of concurrent callers complete in a fixed time.</summary>
public static class Throughput
{
    /// <summary>
    /// Runs <paramref name="callers"/> loops, each awaiting <paramref name="operation"/> (given its caller's index)
    /// one after another, for <paramref name="duration"/>, and returns the completed operations per second. Each loop
    /// starts on the thread pool, so that one caller's synchronous completions do not serialise the others.
    /// </summary>
    public static async Task<double> MeasureAsync(int callers, TimeSpan duration, Func<int, Task> operation)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var done = 0L;
            while (clock.Elapsed < duration)
            {
                await operation(caller);
                done++;
            }

            return done;
        })));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Measures several contenders in turn, <paramref name="runs"/> times round, and keeps each one's best rate: taking
    /// them in rotation means a busy moment on a shared machine hurts all of them alike, and the best of several runs is
    /// the figure least disturbed by other work.
    /// </summary>
    public static async Task<double[]> BestOfAsync(int runs, TimeSpan duration, int callers, params Func<int, Task>[] contenders)
    {
        var best = new double[contenders.Length];
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < contenders.Length; i++)
            {
                best[i] = Math.Max(best[i], await MeasureAsync(callers, duration, contenders[i]));
            }
        }

        return best;
    }
}
