using System.Globalization;
using BoardDesk.Benchmarks;

// BoardDesk's benchmarks: each figure is measured against a baseline run in this same process, and reported as a
// ratio, so the figures compare across machines. `--quick` runs smaller counts for a smoke check.
var quick = args.Contains("--quick");
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"BoardDesk benchmarks ({Environment.ProcessorCount} cores, .NET {Environment.Version}){(quick ? ", quick run" : "")}");
Console.WriteLine();

Console.WriteLine("(a) grain call against a SemaphoreSlim-guarded call of the same no-op (goal: a grain call costs at most 3x)");
foreach (var result in await GrainCallBenchmark.RunAsync(quick ? 200_000 : 2_000_000))
{
    Console.WriteLine($"    {result.Name,-28} grain {result.PerSecond,12:N0} calls/s   guarded {result.BaselinePerSecond,12:N0} calls/s   grain call costs {result.CostRatio:F2}x");
}

Console.WriteLine();
Console.WriteLine("(b) durable appends from 64 concurrent grains against raw SQLite inserts, same rows, durability and batches (goal: at least 0.5x)");
var (append, batch) = await DurableAppendBenchmark.RunAsync(quick ? 50 : 400);
Console.WriteLine($"    {append.Name,-28} grains {append.PerSecond,11:N0} appends/s   raw SQLite {append.BaselinePerSecond,11:N0} rows/s   ratio {append.Ratio:F2}x   (average batch {batch:F1} turns per transaction)");

Console.WriteLine();
Console.WriteLine("(c) register queries over 10,000 recommendations against plain LINQ over a List of the same documents");
Console.Write(await RegisterQueryBenchmark.RunAsync());

Console.WriteLine();
Console.WriteLine("(d) ballots per second from 64 concurrent voters over HTTP against an empty POST endpoint on the same server");
Console.Write(await BallotBenchmark.RunAsync());
