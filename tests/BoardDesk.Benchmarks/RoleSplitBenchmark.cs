using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BoardDesk.Testing;

namespace BoardDesk.Benchmarks;

/// <summary>
/// (g) The mixed HTTP workload (register, organisation and board reads, action updates) from 64 clients on one
/// <c>All</c> process, against the same workload on a <c>Web</c> process in front of a <c>Silo</c> process.
/// </summary>
public static class RoleSplitBenchmark
{
    private const int Clients = 64;
    /// <summary>The sample accounts' password on the servers this workload runs against.</summary>
    internal const string Password = "role split benchmark password";

    /// <summary>Runs the workload on both topologies and reports them side by side.</summary>
    public static async Task RunAsync(Report report, TimeSpan duration)
    {
        double all;
        using (var folder = new TemporaryFolder())
        using (var server = await ServerChild.StartAsync(folder.Path, Settings(), new Dictionary<string, string>()))
        {
            all = await MeasureAsync(server.Address, duration);
        }

        double split;
        using (var siloFolder = new TemporaryFolder())
        using (var webFolder = new TemporaryFolder())
        using (var silo = await ServerChild.StartAsync(siloFolder.Path, Settings(new() { ["BoardDesk:Role"] = "Silo" }), new Dictionary<string, string>()))
        using (var web = await ServerChild.StartAsync(webFolder.Path, Settings(new() { ["BoardDesk:Role"] = "Web", ["BoardDesk:Cluster:Gateways"] = $"127.0.0.1:{silo.GatewayPort}" }), new Dictionary<string, string>()))
        {
            split = await MeasureAsync(web.Address, duration);
        }

        report.Add(new Figure("(g)", "mixed HTTP workload, Web + Silo", $"{split,9:N0} requests/s", $"All in one {all:N0} requests/s", $"{split / all:F2}x", null, null,
            "reads of the register, organisations and a board with action updates from 64 clients; on two cores the split adds a gateway hop and a second process on the same cores, so it cannot be faster here: it is for scaling web and silo tiers apart on separate machines"));
    }

    private static Dictionary<string, string> Settings(Dictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string> { ["BoardDesk:SamplePassword"] = Password };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Task<double> MeasureAsync(Uri address, TimeSpan duration) => MeasureAsync([address], duration);

    /// <summary>
    /// The mixed workload's rate from 64 clients, each sending every request to one of <paramref name="addresses"/>
    /// (client i to address i mod n, as a round-robin load balancer spreads connections).
    /// </summary>
    internal static async Task<double> MeasureAsync(IReadOnlyList<Uri> addresses, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(addresses[0], "ldib-secretary"));
        var created = await http.PostAsJsonAsync(new Uri(addresses[0], "/api/boards/ldib/actions"), new
        {
            description = "Benchmark action",
            owner = new { person = "ldib-lead", organisationId = "monitor" },
            dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            source = new { kind = "Recommendation", reference = "smith-2015/1" },
        });
        created.EnsureSuccessStatusCode();
        var actionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        string[] reads = ["/api/recommendations?owner=nhs-improvement", "/api/organisations", "/api/boards/ldib", "/api/actions?boardId=ldib"];
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var sent = new int[Clients];
        Task Operation(int client)
        {
            var n = sent[client]++;
            var address = addresses[client % addresses.Count];
            return n % 5 == 4
                ? SendAsync(http, HttpMethod.Post, new Uri(address, $"/api/actions/{actionId}/updates"), new { on = today, note = $"Progress {client}/{n}" })
                : SendAsync(http, HttpMethod.Get, new Uri(address, reads[(client + n) % reads.Length]), null);
        }

        await Throughput.MeasureAsync(Clients, duration / 4, Operation);
        return (await Throughput.BestOfAsync(2, duration, Clients, Operation))[0];
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, Uri path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static Task<string> TokenAsync(Uri address, string userName) => ServerProcess.IssueTokenAsync(address, userName, Password);
}
