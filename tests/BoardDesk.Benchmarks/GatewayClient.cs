using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Benchmarks;

/// <summary>
/// The benchmark's child-process mode, <c>--gateway-client &lt;port&gt; &lt;seconds&gt; &lt;callers&gt;</c>: an Orleans client
/// in a process of its own connects to a silo's gateway on loopback, calls <see cref="IAppendGrain.NoOpAsync"/> from
/// that many concurrent callers, and prints its best rate of two runs as <c>calls/s: N</c>, the one line the parent reads.
/// </summary>
public static class GatewayClient
{
    /// <summary>The argument that starts this mode.</summary>
    public const string Argument = "--gateway-client";

    /// <summary>The prefix of the line that carries the rate.</summary>
    public const string RatePrefix = "calls/s: ";

    /// <summary>Connects, warms up, measures and prints; returns the process's exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, Argument);
        if (at < 0 || args.Length < at + 4)
        {
            await Console.Error.WriteLineAsync($"usage: {Argument} <gateway port> <seconds> <callers>");
            return 2;
        }

        var port = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(double.Parse(args[at + 2], CultureInfo.InvariantCulture));
        var callers = int.Parse(args[at + 3], CultureInfo.InvariantCulture);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(port, serviceId: "boarddesk", clusterId: "boarddesk"));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var targets = Enumerable.Range(0, callers).Select(i => grains.GetGrain<IAppendGrain>($"gateway-{i}")).ToArray();

        await Throughput.MeasureAsync(callers, duration / 4, i => targets[i].NoOpAsync());
        var best = await Throughput.BestOfAsync(2, duration, callers, i => targets[i].NoOpAsync());
        Console.WriteLine(FormattableString.Invariant($"{RatePrefix}{best[0]:F0}"));
        await host.StopAsync();
        return 0;
    }
}
