using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BoardDesk.Benchmarks;

// BoardDesk's benchmarks: each figure is measured against a baseline run in this same process (or, for the server
// process and the gateway client, in this same run), and reported as a ratio, so that the figures compare across
// machines. `--quick` runs smaller counts for a smoke check; `--only <letters>` (for example `--only af`) runs some
// sections alone while working on one of them; `--part <name>` runs one part of a section that has parts: for (h),
// `--only h --part queries` runs only the register and action-log queries (`appends` and `workload` are the others).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains(GatewayClient.Argument))
{
    return await GatewayClient.RunAsync(args);
}

var quick = args.Contains("--quick");
var onlyAt = Array.IndexOf(args, "--only");
var sections = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : "abcdefgh";
var partAt = Array.IndexOf(args, "--part");
var part = partAt >= 0 && partAt + 1 < args.Length ? args[partAt + 1] : null;
if (part is not null && !PostgreSqlBenchmark.Parts.Contains(part))
{
    Console.Error.WriteLine($"--part takes one of: {string.Join(", ", PostgreSqlBenchmark.Parts)}");
    return 2;
}
var orleans = typeof(Grain).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split(' ', '+')[0].TrimEnd('.');
var machine = $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, Orleans {orleans}";
Console.WriteLine($"BoardDesk benchmarks ({machine}){(quick ? ", quick run" : "")}");
Console.WriteLine("Each row: measured vs baseline from the same run, the ratio, and the goal where there is one. The machine may be shared: rates are the best of several runs.");
var report = new Report();
var total = Stopwatch.StartNew();

if (sections.Contains('a'))
{
    Report.Section("(a) no-op call: journaled BoardDesk grain against a bare Orleans Grain in the same silo, calls made inside the silo");
    await GrainCallBenchmark.RunAsync(report, TimeSpan.FromSeconds(quick ? 0.3 : 1), runs: quick ? 2 : 5);
}

if (sections.Contains('b'))
{
    Report.Section("(b) durable appends from 64 concurrent grains against raw SQLite inserts: same rows, WAL + synchronous=FULL, same batch size");
    await DurableAppendBenchmark.RunAsync(report, appendsPerGrain: quick ? 50 : 400, runs: quick ? 1 : 3);
}

if (sections.Contains('c'))
{
    Report.Section("(c) register queries against plain LINQ over a List of the same documents");
    await RegisterQueryBenchmark.RunAsync(report, recommendations: quick ? 2_000 : 10_000, TimeSpan.FromSeconds(quick ? 0.2 : 0.5));
}

if (sections.Contains('d'))
{
    Report.Section("(d) ballots over HTTP from 64 voters against an empty authenticated POST on the same server");
    await BallotBenchmark.RunAsync(report, TimeSpan.FromSeconds(quick ? 1 : 3), runs: quick ? 1 : 3);
}

if (sections.Contains('e'))
{
    Report.Section("(e) calls from a separate client process through the gateway against the same calls inside the silo");
    await GatewayBenchmark.RunAsync(report, TimeSpan.FromSeconds(quick ? 1 : 3));
}

if (sections.Contains('f'))
{
    Report.Section("(f) memory of the real server process (VmRSS): touching many grains through the gateway, then idle collection");
    await MemoryBenchmark.RunAsync(report, grains: quick ? 10_000 : 100_000, idleTimeout: TimeSpan.FromSeconds(quick ? 20 : 60), ServerEnvironment(args));
}

if (sections.Contains('g'))
{
    Report.Section("(g) the mixed HTTP workload on a Web node in front of a Silo process against one All process");
    await RoleSplitBenchmark.RunAsync(report, TimeSpan.FromSeconds(quick ? 3 : 10));
}

if (sections.Contains('h'))
{
    Report.Section("(h) PostgreSQL, the cluster's store: appends against raw Npgsql inserts, queries against raw SQL, the mixed workload on one node and on three");
    await PostgreSqlBenchmark.RunAsync(report, appendsPerGrain: quick ? 50 : 200, runs: quick ? 1 : 3, recommendations: 10_000, actions: 100_000,
        TimeSpan.FromSeconds(quick ? 0.2 : 0.5), TimeSpan.FromSeconds(quick ? 3 : 8), part);
}

Console.WriteLine();
Console.WriteLine($"Finished in {total.Elapsed.TotalSeconds:F0} s.");
Console.WriteLine();
Console.WriteLine("----- summary (Markdown, for the README) -----");
Console.WriteLine(report.Summary(machine + (quick ? ", quick run" : "")));
Console.WriteLine("----- end of summary -----");
return report.AllGoalsMet ? 0 : 1;

// `--server-env NAME=VALUE` (repeatable) passes an environment variable to the server process of (f), to try GC
// settings such as DOTNET_GCConserveMemory without rebuilding.
static Dictionary<string, string> ServerEnvironment(string[] args) => args
    .Select((arg, i) => (arg, i))
    .Where(a => a.arg == "--server-env" && a.i + 1 < args.Length && args[a.i + 1].Contains('='))
    .Select(a => args[a.i + 1].Split('=', 2))
    .ToDictionary(pair => pair[0], pair => pair[1]);
