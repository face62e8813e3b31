using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Server.Infrastructure;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Benchmarks;

/// <summary>
/// (d) Ballots over HTTP (Kestrel on loopback, the real server's pipeline and grains in this process) from 64 concurrent
/// voters, against an empty POST endpoint on the same server that goes through the same pipeline (authentication by API
/// token and an authorization check) and does nothing. The ratio is the share of an empty request's rate that a ballot
/// keeps: the rest is the ballot's own work (the voter check, the decision grain's turn and its durable commit). With the
/// voters spread over 16 decisions the turns of different decisions overlap and share group commits; with every voter
/// on one decision its turns run one at a time, which is the rate one vote can take.
/// </summary>
public static class BallotBenchmark
{
    private const int Voters = 64;
    private const int Decisions = 16;
    private const double Goal = 0.25;
    private const int SourceAddresses = 16;
    private const string Password = "ballot benchmark password";

    /// <summary>Measures the three loads in turn, <paramref name="runs"/> times round, for <paramref name="duration"/> each.</summary>
    public static async Task RunAsync(Report report, TimeSpan duration, int runs)
    {
        using var folder = new TemporaryFolder();
        var address = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(address.ToString());
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        // The data folder is temporary, so its keys need no protection; the warning that says so is noise here.
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error";
        builder.Configuration["BoardDesk:DataPath"] = folder.Path;
        builder.Configuration["BoardDesk:SamplePassword"] = Password;
        builder.Configuration["BoardDesk:BallotsPerMinute"] = "100000";
        builder.Configuration["BoardDesk:SignInAttemptsPerMinute"] = "10000";
        // Free ports, so that the benchmark runs beside a server on the default ports.
        builder.Configuration["BoardDesk:Cluster:SiloPort"] = "0";
        builder.Configuration["BoardDesk:Cluster:GatewayPort"] = "0";
        builder.AddBoardDeskServer();
        await using var app = builder.Build();
        app.UseBoardDeskServer();
        app.MapPost("/benchmark/empty", () => TypedResults.NoContent()).RequirePermission(Permission.Vote);
        await app.StartAsync();

        var token = new AuthenticationHeaderValue("Bearer", await TokenAsync(address, "ldib-member"));
        using var member = ClientFor(address, 0, token);
        // Each voter sends their own token: a ballot is accepted only as the person the board links to the caller.
        var tokens = await PrepareVotesAsync(app.Services, member);
        var clients = Enumerable.Range(0, Voters).Select(voter => ClientFor(address, voter, new AuthenticationHeaderValue("Bearer", tokens[voter]))).ToArray();

        // Each voter changes their named ballot every time, so that every request raises and commits an event.
        var sent = new int[Voters];
        Func<int, Task> Ballot(Func<int, string> decisionOf) => voter => SendAsync(clients[voter], new(HttpMethod.Post, $"/api/decisions/{decisionOf(voter)}/ballots")
        {
            Content = JsonContent.Create(new { voter = $"Voter {voter}", choice = ++sent[voter] % 2 == 0 ? "For" : "Against" }),
        });
        Func<int, Task>[] loads =
        [
            voter => SendAsync(clients[voter], new(HttpMethod.Post, "/benchmark/empty") { Content = JsonContent.Create(new { }) }),
            Ballot(voter => DecisionId(voter % Decisions)),
            Ballot(_ => DecisionId(0)),
        ];
        await Throughput.BestOfAsync(1, duration / 4, Voters, loads);
        var best = await Throughput.BestOfAsync(runs, duration, Voters, loads);
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await app.StopAsync();

        var (empty, spread, single) = (best[0], best[1], best[2]);
        report.Add(new Figure("(d)", $"ballots, {Voters} voters on {Decisions} decisions",
            $"{spread,9:N0} ballots/s", $"empty POST {empty:N0}/s", $"{spread / empty:F2}x", $">= {Goal:F2}x", spread / empty >= Goal,
            "a ballot keeps this share of an empty authenticated POST's rate on the same server; the rest is the voter check and the durable commit"));
        report.Add(new Figure("(d)", $"ballots, {Voters} voters on one decision",
            $"{single,9:N0} ballots/s", $"empty POST {empty:N0}/s", $"{single / empty:F2}x", null, null,
            "the same on a single decision, whose turns (and so commits) run one at a time"));
    }

    /// <summary>
    /// A voter's own HTTP client, connecting from one of <see cref="SourceAddresses"/> loopback addresses: the server
    /// limits ballots per client address (at most 100,000 a minute), and 64 voters on one address would reach that
    /// limit within a run; spread over several they are measured, not throttled.
    /// </summary>
    private static HttpClient ClientFor(Uri address, int voter, AuthenticationHeaderValue token)
    {
        var source = new IPAddress([127, 0, 0, (byte)(2 + (voter % SourceAddresses))]);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = token;
        return client;
    }

    private static string DecisionId(int decision) => $"benchmark-vote-{decision}";

    private static async Task SendAsync(HttpClient http, HttpRequestMessage message)
    {
        using (message)
        {
            using var response = await http.SendAsync(message);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{message.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>
    /// A board of 32 voting members of NHS England, each with a deputy (a board holds at most 60 members): 64 people
    /// who may vote by written procedure, on each of <see cref="Decisions"/> open decisions.
    /// </summary>
    private static async Task<string[]> PrepareVotesAsync(IServiceProvider services, HttpClient member)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var tokens = new string[Voters];
        using (ActingUser.Begin(ActingUser.System))
        {
            for (var voter = 0; voter < Voters; voter++)
            {
                var account = grains.GetGrain<BoardDesk.Accounts.IAccountGrain>($"voter-{voter}");
                await account.CreateAsync(new BoardDesk.Accounts.CreateAccount($"Voter {voter}", Password, false));
                await account.GrantBoardRoleAsync(new BoardDesk.Accounts.BoardRoleGrant("ldib", BoardDesk.Accounts.BoardRole.Member, "nhs-england"));
                tokens[voter] = (await account.IssueTokenAsync("benchmark")).Token;
            }

            await grains.GetGrain<IBoardGrain>("ldib").ReviseAsync(new DefineBoard
            {
                Name = "Benchmark board",
                Members = [.. Enumerable.Range(0, Voters / 2).Select(i => new BoardMember
                {
                    OrganisationId = "nhs-england",
                    Name = $"Voter {2 * i}",
                    Deputies = [$"Voter {(2 * i) + 1}"],
                    UserName = $"voter-{2 * i}",
                    DeputyUserNames = new Dictionary<string, string> { [$"Voter {(2 * i) + 1}"] = $"voter-{(2 * i) + 1}" },
                    Office = i == 0 ? BoardOffice.Chair : BoardOffice.Member,
                })],
                Quorum = new QuorumRule { MinimumOrganisations = 1, RequiresChairOrViceChair = false },
            });
            for (var d = 0; d < Decisions; d++)
            {
                var decision = grains.GetGrain<BoardDesk.Decisions.IDecisionGrain>(DecisionId(d));
                await decision.ProposeAsync("ldib", new BoardDesk.Decisions.ProposeDecision { Motion = $"Benchmark {d}", ClosesAt = DateTimeOffset.UtcNow.AddDays(1) });
                await decision.OpenAsync();
            }
        }

        await SendAsync(member, new(HttpMethod.Post, $"/api/decisions/{DecisionId(0)}/ballots")
        {
            Content = JsonContent.Create(new { voter = "Voter 1", choice = "For" }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tokens[1]) },
        });
        return tokens;
    }

    private static Task<string> TokenAsync(Uri address, string userName) => ServerProcess.IssueTokenAsync(address, userName, Password);
}
