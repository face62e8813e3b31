using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Server.Infrastructure;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Benchmarks;

/// <summary>
/// (d) Ballots per second from 64 concurrent voters over HTTP (Kestrel on loopback) to one open decision, against an
/// empty POST endpoint on the same server that goes through the same pipeline (authentication by API token and an
/// authorization check) and does nothing. The ratio is the share of an empty request's rate that a ballot keeps: the
/// rest is the ballot's own work (the voter check, the decision grain's turn and its durable commit). All ballots go to
/// one decision, whose turns run one at a time, so this is the rate one vote can take.
/// </summary>
public static class BallotBenchmark
{
    private const int Voters = 64;
    private const string Password = "ballot benchmark password";

    /// <summary>Runs both loads for five seconds each and returns the figures as printable lines.</summary>
    public static async Task<string> RunAsync() => await RunAsync(seconds: 5);

    /// <summary>Runs both loads for <paramref name="seconds"/> each.</summary>
    public static async Task<string> RunAsync(int seconds)
    {
        using var folder = new TemporaryFolder();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["BoardDesk:DataPath"] = folder.Path;
        builder.Configuration["BoardDesk:SamplePassword"] = Password;
        builder.Configuration["BoardDesk:BallotsPerMinute"] = "100000";
        builder.Configuration["BoardDesk:SignInAttemptsPerMinute"] = "10000";
        builder.AddBoardDeskServer();
        await using var app = builder.Build();
        app.UseBoardDeskServer();
        app.MapPost("/benchmark/empty", () => TypedResults.NoContent()).RequirePermission(Permission.Vote);
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(address, "ldib-member"));
        var tokens = await PrepareVoteAsync(app.Services, http);

        // Each voter sends their own token: a ballot is accepted only as the person the board links to the caller.
        var ballot = await MeasureAsync(http, seconds, voter => new(HttpMethod.Post, "/api/decisions/benchmark-vote/ballots")
        {
            Content = JsonContent.Create(new { voter = $"Voter {voter}", choice = voter % 2 == 0 ? "For" : "Against" }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tokens[voter]) },
        });
        var empty = await MeasureAsync(http, seconds, _ => new(HttpMethod.Post, "/benchmark/empty") { Content = JsonContent.Create(new { }) });
        await app.StopAsync();

        var lines = new StringBuilder();
        lines.AppendLine($"    ballots {ballot,10:N0}/s   empty POST {empty,10:N0}/s   ratio {ballot / empty:F2}x   ({Voters} concurrent voters, {seconds} s each, one decision)");
        return lines.ToString();
    }

    /// <summary>
    /// A board of 32 voting members of NHS England, each with a deputy (a board holds at most 60 members): 64 people
    /// who may vote by written procedure, each with an account linked to their place; returns their API tokens.
    /// </summary>
    private static async Task<string[]> PrepareVoteAsync(IServiceProvider services, HttpClient member)
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
            var decision = grains.GetGrain<BoardDesk.Decisions.IDecisionGrain>("benchmark-vote");
            await decision.ProposeAsync("ldib", new BoardDesk.Decisions.ProposeDecision { Motion = "Benchmark", ClosesAt = DateTimeOffset.UtcNow.AddDays(1) });
            await decision.OpenAsync();
        }

        using var warmUp = new HttpRequestMessage(HttpMethod.Post, "/api/decisions/benchmark-vote/ballots")
        {
            Content = JsonContent.Create(new { voter = "Voter 1", choice = "For" }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tokens[1]) },
        };
        using var warm = await member.SendAsync(warmUp);
        warm.EnsureSuccessStatusCode();
        return tokens;
    }

    private static async Task<double> MeasureAsync(HttpClient http, int seconds, Func<int, HttpRequestMessage> request)
    {
        var stop = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var counts = await Task.WhenAll(Enumerable.Range(0, Voters).Select(async voter =>
        {
            var sent = 0;
            while (stop.Elapsed < until)
            {
                using var message = request(voter);
                using var response = await http.SendAsync(message);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{message.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                sent++;
            }

            return sent;
        }));
        return counts.Sum() / stop.Elapsed.TotalSeconds;
    }

    private static async Task<string> TokenAsync(Uri address, string userName)
    {
        using var signIn = new HttpClient { BaseAddress = address };
        (await signIn.PostAsJsonAsync("/api/session", new { userName, password = Password })).EnsureSuccessStatusCode();
        var antiforgery = await signIn.GetFromJsonAsync<JsonElement>("/api/session/antiforgery");
        signIn.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        var issued = await (await signIn.PostAsJsonAsync("/api/account/tokens", new { name = "benchmark" })).Content.ReadFromJsonAsync<JsonElement>();
        return issued.GetProperty("token").GetString()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
