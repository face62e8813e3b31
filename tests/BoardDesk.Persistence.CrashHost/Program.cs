using System.Net;
using System.Net.Sockets;
using BoardDesk.Persistence;
using BoardDesk.Persistence.CrashHost;
using BoardDesk.Persistence.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A child process for crash tests: an Orleans silo with the ledger grains that appends calls of three events each
// from many grains as fast as it can, and prints "ack <key> <version>" only after a call is durably committed. The
// test kills it with SIGKILL mid-load.
if (args.Length != 2 || !int.TryParse(args[1], out var grainCount))
{
    Console.Error.WriteLine("usage: BoardDesk.Persistence.CrashHost <database file> <number of grains>");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.Configure<SqliteStoreOptions>(o => o.DatabasePath = args[0]);
builder.Services.Configure<RuntimeOptions>(o => o.SnapshotInterval = 30);
builder.UseOrleans(silo => silo
    .UseLocalhostClustering(FreePort(), FreePort())
    .AddBoardDeskPersistence(typeof(LedgerGrain).Assembly));
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();

var output = TextWriter.Synchronized(Console.Out);
output.WriteLine("ready");
await Parallel.ForAsync(0, grainCount, new ParallelOptions { MaxDegreeOfParallelism = grainCount }, async (i, _) =>
{
    var key = $"ledger-{i}";
    var grain = grains.GetGrain<ILedgerGrain>(key);
    while (true)
    {
        var version = await grain.PostAsync();
        output.WriteLine($"ack {key} {version}");
    }
});
return 0;

static int FreePort()
{
    using var probe = new TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    return ((IPEndPoint)probe.LocalEndpoint).Port;
}
