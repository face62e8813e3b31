using System.Diagnostics;
using System.Globalization;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage.Sqlite;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;

namespace BoardDesk.Benchmarks;

/// <summary>
/// (e) No-op calls to a BoardDesk grain from a separate client process through the silo's gateway, against the same
/// calls made inside the silo. The silo is hosted in this process on a free gateway port, with BoardDesk's persistence;
/// the client is this benchmark started again as a child (<see cref="GatewayClient"/>). The ratio is what the network
/// hop, serialization and the client's own runtime cost; there is no goal.
/// </summary>
public static class GatewayBenchmark
{
    /// <summary>Measures 1 and 64 callers, each for <paramref name="duration"/>, best of two.</summary>
    public static async Task RunAsync(Report report, TimeSpan duration)
    {
        using var folder = new TemporaryFolder();
        var siloPort = ServerProcess.FreePort();
        var gatewayPort = ServerProcess.FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.Configure<SqliteStoreOptions>(o => o.DatabasePath = folder.File("gateway.db"));
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "boarddesk", clusterId: "boarddesk");
            silo.AddBoardDeskPersistence(typeof(AppendGrain).Assembly);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IGrainFactory>();

        foreach (var callers in new[] { 1, 64 })
        {
            var targets = Enumerable.Range(0, callers).Select(i => factory.GetGrain<IAppendGrain>($"gateway-{i}")).ToArray();
            await Throughput.MeasureAsync(callers, duration / 4, i => targets[i].NoOpAsync());
            var inSilo = (await Throughput.BestOfAsync(2, duration, callers, i => targets[i].NoOpAsync()))[0];
            var gateway = await ClientProcessRateAsync(gatewayPort, duration, callers);
            report.Add(new Figure("(e)", $"gateway client process, {callers} caller{(callers == 1 ? "" : "s")}",
                $"{gateway,9:N0} calls/s", $"in-silo {inSilo:N0} calls/s", $"{gateway / inSilo:F2}x", null, null,
                "a separate client process's calls through the gateway, as a share of the same calls made inside the silo"));
        }

        await host.StopAsync();
    }

    private static async Task<double> ClientProcessRateAsync(int gatewayPort, TimeSpan duration, int callers)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BoardDesk.Benchmarks.dll"));
        start.ArgumentList.Add(GatewayClient.Argument);
        start.ArgumentList.Add(gatewayPort.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(duration.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(callers.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(duration * 4 + TimeSpan.FromSeconds(60));
        try
        {
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new TimeoutException($"The gateway client did not finish:{Environment.NewLine}{await output}{await errors}");
        }

        var rate = (await output).Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(GatewayClient.RatePrefix, StringComparison.Ordinal));
        return child.ExitCode == 0 && rate is not null
            ? double.Parse(rate[GatewayClient.RatePrefix.Length..], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The gateway client exited with code {child.ExitCode}:{Environment.NewLine}{await output}{await errors}");
    }
}
