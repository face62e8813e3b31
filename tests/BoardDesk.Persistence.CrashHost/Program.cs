using BoardDesk.Grains;
using BoardDesk.Persistence;
using BoardDesk.Persistence.CrashHost;
using BoardDesk.Persistence.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// A child process for crash tests: appends turns of three events each from many grains as fast as it can, and
// prints "ack <key> <version>" only after a turn is durably committed. The test kills it with SIGKILL mid-load.
if (args.Length != 2 || !int.TryParse(args[1], out var grainCount))
{
    Console.Error.WriteLine("usage: BoardDesk.Persistence.CrashHost <database file> <number of grains>");
    return 2;
}

var services = new ServiceCollection();
services.AddLogging();
services.Configure<SqliteStoreOptions>(o => o.DatabasePath = args[0]);
services.Configure<GrainRuntimeOptions>(o => o.SnapshotInterval = 30);
services.AddGrainRuntime(typeof(LedgerGrain).Assembly);
await using var provider = services.BuildServiceProvider();
var runtime = provider.GetRequiredService<GrainRuntime>();
await runtime.StartAsync();

var output = TextWriter.Synchronized(Console.Out);
output.WriteLine("ready");
await Parallel.ForAsync(0, grainCount, new ParallelOptions { MaxDegreeOfParallelism = grainCount }, async (i, _) =>
{
    var key = $"ledger-{i}";
    var grain = runtime.GetGrain<ILedgerGrain>(key);
    while (true)
    {
        var version = await grain.PostAsync();
        output.WriteLine($"ack {key} {version}");
    }
});
return 0;
