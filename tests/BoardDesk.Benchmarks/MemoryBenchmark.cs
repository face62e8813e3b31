using System.Diagnostics;
using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace BoardDesk.Benchmarks;

/// <summary>
/// (f) The real server process's resident memory (VmRSS) at start, after a gateway client has touched many distinct
/// grains, and after idle collection has deactivated them. The server runs with a short idle timeout and collection
/// interval so that collection happens within the run; each organisation grain touched answers NotFound (there is no
/// such organisation) but is activated, with its journal loaded, all the same.
/// </summary>
public static class MemoryBenchmark
{
    private const long MiB = 1024 * 1024;
    private const long TouchedGoal = 1024 * MiB;
    private const long CollectedGoal = 300 * MiB;
    private static readonly TimeSpan CollectionInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Touches <paramref name="grains"/> grains, which the server deactivates once idle for <paramref name="idleTimeout"/>:
    /// longer than touching them all takes, so that all of them are held at once. <paramref name="environment"/> goes to
    /// the server process (GC settings).
    /// </summary>
    public static async Task RunAsync(Report report, int grains, TimeSpan idleTimeout, IReadOnlyDictionary<string, string> environment)
    {
        using var folder = new TemporaryFolder();
        using var server = await ServerChild.StartAsync(folder.Path, new Dictionary<string, string>
        {
            ["BoardDesk:Runtime:IdleTimeout"] = idleTimeout.ToString(),
            ["BoardDesk:Runtime:CollectionInterval"] = CollectionInterval.ToString(),
        }, environment);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(server.GatewayPort, serviceId: "boarddesk", clusterId: "boarddesk"));
        using var client = builder.Build();
        await client.StartAsync();
        var factory = client.Services.GetRequiredService<IClusterClient>();
        var management = factory.GetGrain<IManagementGrain>(0);

        // The server has just loaded its sample data; give it a moment to settle before taking the baseline.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var atStart = server.ResidentBytes();
        var activationsAtStart = await OrganisationActivationsAsync(management);

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, grains), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            try
            {
                await factory.GetGrain<IOrganisationGrain>($"memory-{i}").GetAsync();
            }
            catch (NotFoundException)
            {
                // Expected: the grain was activated (and its empty journal read) to say so.
            }
        });
        clock.Stop();
        var touched = server.ResidentBytes();
        var activations = await OrganisationActivationsAsync(management);
        Report.Note($"touched {grains:N0} organisation grains through the gateway in {clock.Elapsed.TotalSeconds:F1} s ({grains / clock.Elapsed.TotalSeconds:N0}/s); {activations:N0} activations held");

        // Idle collection takes the idle timeout plus up to a few collection intervals; then the GC must run and give
        // the memory back. Poll until RSS is under the goal with the activations gone, or a bounded time has passed.
        var deadline = idleTimeout + (CollectionInterval * 4) + TimeSpan.FromSeconds(30);
        var waited = Stopwatch.StartNew();
        var collected = touched;
        var remaining = activations;
        while (waited.Elapsed < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            collected = server.ResidentBytes();
            remaining = await OrganisationActivationsAsync(management);
            if (remaining <= activationsAtStart && collected < CollectedGoal)
            {
                break;
            }
        }

        Report.Note($"after {waited.Elapsed.TotalSeconds:F0} s of idling: {remaining:N0} organisation activations left; peak RSS {server.PeakResidentBytes() / MiB:N0} MB; server GC: {Describe(environment)}");
        report.Add(new Figure("(f)", $"server RSS after touching {grains:N0} grains",
            $"{touched / MiB,9:N0} MB", $"at start {atStart / MiB:N0} MB", $"{(double)touched / atStart:F2}x start", "<= 1 GiB", touched <= TouchedGoal,
            $"resident memory of the server process with {activations:N0} activations; about {(touched - atStart) / (double)Math.Max(1, activations - activationsAtStart) / 1024:F1} KB more per activation"));
        report.Add(new Figure("(f)", "server RSS after idle collection",
            $"{collected / MiB,9:N0} MB", $"after touching {touched / MiB:N0} MB", $"{(double)collected / atStart:F2}x start", "< 300 MB", collected < CollectedGoal,
            $"resident memory once idle collection deactivated the touched grains ({remaining:N0} left) and the GC returned memory"));

        await client.StopAsync();
    }

    private static string Describe(IReadOnlyDictionary<string, string> environment) =>
        environment.Count == 0 ? "the server's defaults (server GC, DATAS)" : string.Join(", ", environment.Select(e => $"{e.Key}={e.Value}"));

    private static async Task<int> OrganisationActivationsAsync(IManagementGrain management)
    {
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("Organisation", StringComparison.OrdinalIgnoreCase)).Sum(s => s.ActivationCount);
    }
}
