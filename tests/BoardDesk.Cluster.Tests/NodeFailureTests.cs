using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BoardDesk.Accounts;
using BoardDesk.Boards;
using BoardDesk.Decisions;
using BoardDesk.Grains;
using BoardDesk.Persistence.Storage.PostgreSql;
using BoardDesk.Testing;
using Xunit.Abstractions;

namespace BoardDesk.Cluster.Tests;

/// <summary>
/// Three node processes on one PostgreSQL database under 1,024 concurrent ballots and action updates spread over their
/// HTTP endpoints, one of them SIGKILLed in the middle: nothing acknowledged is lost or doubled, every chain verifies,
/// the killed node's grains answer on the others, calls fail fast instead of hanging, and a node started again rejoins.
/// </summary>
public sealed class NodeFailureTests(ITestOutputHelper output)
{
    private const int Voters = 32;
    private const int Decisions = 16;
    private const int Actions = 8;
    private const int Updaters = 32;
    private const int OperationsEach = 16;
    private const int KillAfter = 300;

    [PostgreSqlFact]
    public async Task ShouldKeepEveryAcknowledgedChangeExactlyOnce_WhenOneOfThreeNodesIsKilledUnderLoad()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var cluster = new ClusterNodes(database);
        // The first node loads the samples; the others join once it is up.
        var nodes = new List<ServerProcess> { await cluster.StartNodeAsync() };
        nodes.AddRange(await Task.WhenAll(cluster.StartNodeAsync(), cluster.StartNodeAsync()));
        (await cluster.ActiveSilosAsync()).Should().Be(3);
        var grains = await cluster.ClientAsync();
        var voterTokens = await PrepareVotesAsync(grains);
        var secretary = await ServerProcess.IssueTokenAsync(nodes[0].Address, "ldib-secretary", ServerProcess.SamplePassword);
        var actionIds = await CreateActionsAsync(nodes[0].Address, secretary);

        var clients = nodes.Select(n => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = n.Address, Timeout = TimeSpan.FromSeconds(20) }).ToArray();
        var alive = new bool[] { true, true, true };
        var acknowledgedBallots = new ConcurrentBag<(int Voter, int Decision)>();
        var acknowledgedNotes = new ConcurrentBag<(string Action, string Note)>();
        var unacknowledgedNotes = 0;
        var retriedBallots = 0;
        var hangs = 0;
        var slowest = TimeSpan.Zero;
        var acknowledged = 0;
        var killed = new TaskCompletionSource<Stopwatch>(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<bool> SendAsync(int preferred, string path, object body, string token)
        {
            for (var attempt = 0; attempt < 6; attempt++)
            {
                var order = Enumerable.Range(0, 3).Select(i => (preferred + attempt + i) % 3).ToArray();
                var node = order.FirstOrDefault(i => Volatile.Read(ref alive[i]), order[0]);
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var timer = Stopwatch.StartNew();
                try
                {
                    using var response = await clients[node].SendAsync(request);
                    Record(timer.Elapsed);
                    if (response.IsSuccessStatusCode)
                    {
                        if (Interlocked.Increment(ref acknowledged) == KillAfter)
                        {
                            nodes[2].Kill();
                            killed.SetResult(Stopwatch.StartNew());
                        }

                        return true;
                    }

                    ((int)response.StatusCode).Should().BeOneOf([503, 500], $"{path} on node {node}: {await response.Content.ReadAsStringAsync()}");
                }
                catch (HttpRequestException)
                {
                    // A load balancer takes a node that refuses connections out of its rotation.
                    Record(timer.Elapsed);
                    Volatile.Write(ref alive[node], false);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref hangs);
                }

                if (!path.EndsWith("/ballots", StringComparison.Ordinal))
                {
                    // An action update is not idempotent: its first attempt may have been stored, so it is not sent again.
                    return false;
                }

                // A ballot is: the same voter's same choice again changes nothing.
                Interlocked.Increment(ref retriedBallots);
                await Task.Delay(200);
            }

            return false;
        }

        void Record(TimeSpan elapsed)
        {
            lock (clients)
            {
                slowest = elapsed > slowest ? elapsed : slowest;
            }
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var voting = Enumerable.Range(0, Voters).Select(async voter =>
        {
            for (var k = 0; k < OperationsEach; k++)
            {
                var decision = (voter + k) % Decisions;
                var choice = k % 2 == 0 ? "For" : "Against";
                if (await SendAsync(voter + k, $"/api/decisions/{DecisionId(decision)}/ballots", new { voter = $"Voter {voter}", choice }, voterTokens[voter]))
                {
                    acknowledgedBallots.Add((voter, decision));
                }
            }
        });
        var updating = Enumerable.Range(0, Updaters).Select(async updater =>
        {
            for (var k = 0; k < OperationsEach; k++)
            {
                var action = actionIds[(updater + k) % Actions];
                var note = $"Progress {updater}/{k}";
                if (await SendAsync(updater + k + 1, $"/api/actions/{action}/updates", new { on = today, note }, secretary))
                {
                    acknowledgedNotes.Add((action, note));
                }
                else
                {
                    Interlocked.Increment(ref unacknowledgedNotes);
                }
            }
        });
        var failover = MeasureFailoverAsync(nodes[0].Address, secretary, actionIds, killed.Task);
        var declaredDead = MeasureDeclaredDeadAsync(database, killed.Task);
        await Task.WhenAll(voting.Concat(updating));
        var answeredAfter = await failover;
        var deadAfter = await declaredDead;

        await using var store = new PostgreSqlJournalStore(new PostgreSqlStoreOptions { ConnectionString = database.ConnectionString, KeyPath = database.KeyPath });
        var ballots = new List<(int Voter, int Decision)>();
        for (var d = 0; d < Decisions; d++)
        {
            foreach (var e in (await store.ReadEventsAsync(new JournalId("decision", DecisionId(d)))).Where(e => e.Type == "DecisionBallotCast"))
            {
                var unit = JsonDocument.Parse(e.Payload).RootElement.GetProperty("unit").GetString()!;
                ballots.Add((int.Parse(unit["Voter ".Length..], CultureInfo.InvariantCulture), d));
            }
        }

        var notes = new List<(string Action, string Note)>();
        foreach (var action in actionIds)
        {
            foreach (var e in (await store.ReadEventsAsync(new JournalId("action-item", action))).Where(e => e.Type == "ActionProgressNoted"))
            {
                notes.Add((action, JsonDocument.Parse(e.Payload).RootElement.GetProperty("note").GetProperty("text").GetString()!));
            }
        }

        var verification = await store.VerifyAsync();
        output.WriteLine($"acknowledged: {acknowledgedBallots.Count} ballots, {acknowledgedNotes.Count} action updates; {unacknowledgedNotes} updates unacknowledged, {retriedBallots} ballot attempts retried; " +
            $"stored: {ballots.Count} ballots, {notes.Count} updates; slowest answer {slowest.TotalSeconds:F1} s; the killed node was declared dead after {deadAfter.TotalSeconds:F1} s and its grains answered on another after {answeredAfter.TotalSeconds:F1} s");

        acknowledged.Should().BeGreaterThan(KillAfter, "the node was killed in the middle of the load");
        hangs.Should().Be(0, "no call waits out the 20 s client timeout");
        // A ballot sent again after a failure is stored again when its first attempt was stored too; it replaces itself,
        // so each voter counts once on each decision, with the one choice they sent.
        ballots.Should().Contain(acknowledgedBallots, "every acknowledged ballot is stored");
        ballots.Distinct().Should().HaveCountLessThanOrEqualTo(Voters * OperationsEach, "nothing is stored that nobody sent");
        foreach (var decision in Enumerable.Range(0, Decisions))
        {
            var tally = await GetTallyAsync(nodes[0].Address, secretary, DecisionId(decision));
            var counted = ballots.Where(b => b.Decision == decision).Select(b => b.Voter).Distinct().ToList();
            tally.Should().Be(counted.Count, $"each voter counts once on {DecisionId(decision)}");
        }

        acknowledgedBallots.Should().HaveCount(Voters * OperationsEach, "a ballot that failed on the killed node is retried on another");
        notes.Should().OnlyHaveUniqueItems("no action update is stored twice");
        notes.Should().Contain(acknowledgedNotes, "every acknowledged action update is stored");
        notes.Count.Should().BeLessThanOrEqualTo(acknowledgedNotes.Count + unacknowledgedNotes, "nothing is stored that nobody sent");
        verification.Intact.Should().BeTrue(string.Join("; ", verification.Breaks.Select(b => b.Reason)));
        answeredAfter.Should().BeLessThan(TimeSpan.FromSeconds(10), "the killed node's grains answer on the others within 10 s");

        var rejoined = await cluster.StartNodeAsync();
        (await cluster.ActiveSilosAsync()).Should().Be(3, "the new node joined, the killed one is dead");
        using var rejoinedClient = new HttpClient { BaseAddress = rejoined.Address };
        rejoinedClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretary);
        (await rejoinedClient.GetAsync($"/api/decisions/{DecisionId(0)}")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    /// <summary>How many ballots a decision's tally counts.</summary>
    private static async Task<int> GetTallyAsync(Uri address, string token, string decisionId)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var tally = await http.GetFromJsonAsync<JsonElement>($"/api/decisions/{decisionId}/tally");
        return tally.GetProperty("voted").GetInt32();
    }

    /// <summary>From the kill until the membership table holds the killed silo as dead.</summary>
    private static async Task<TimeSpan> MeasureDeclaredDeadAsync(PostgreSqlDatabase database, Task<Stopwatch> killed)
    {
        var sinceKill = await killed;
        while (await database.ScalarAsync("SELECT count(*) FROM orleans_membership WHERE status = 6") == 0 && sinceKill.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        return sinceKill.Elapsed;
    }

    /// <summary>From the kill until every decision and action answers through the first node.</summary>
    private static async Task<TimeSpan> MeasureFailoverAsync(Uri address, string token, IReadOnlyList<string> actionIds, Task<Stopwatch> killed)
    {
        using var node = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(20) };
        var sinceKill = await killed;
        var paths = Enumerable.Range(0, Decisions).Select(d => $"/api/decisions/{DecisionId(d)}").Concat(actionIds.Select(a => $"/api/actions/{a}")).ToList();
        while (paths.Count > 0 && sinceKill.Elapsed < TimeSpan.FromSeconds(60))
        {
            var answered = await Task.WhenAll(paths.Select(async path =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await node.SendAsync(request);
                return response.IsSuccessStatusCode ? path : null;
            }));
            paths.RemoveAll(answered.Contains);
            await Task.Delay(50);
        }

        return sinceKill.Elapsed;
    }

    private static string DecisionId(int decision) => $"cluster-vote-{decision}";

    private static async Task<IReadOnlyList<string>> CreateActionsAsync(Uri address, string token)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var ids = new List<string>();
        for (var a = 0; a < Actions; a++)
        {
            var created = await http.PostAsJsonAsync("/api/boards/ldib/actions", new
            {
                description = $"Cluster action {a}",
                owner = new { person = "ldib-lead", organisationId = "monitor" },
                dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                source = new { kind = "Recommendation", reference = "smith-2015/1" },
            });
            created.EnsureSuccessStatusCode();
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        return ids;
    }

    /// <summary>A board of <see cref="Voters"/> voting members, each with an account and token, and open decisions.</summary>
    private static async Task<string[]> PrepareVotesAsync(IClusterClient grains)
    {
        var tokens = new string[Voters];
        using (ActingUser.Begin(ActingUser.System))
        {
            for (var voter = 0; voter < Voters; voter++)
            {
                var account = grains.GetGrain<IAccountGrain>($"voter-{voter}");
                await account.CreateAsync(new CreateAccount($"Voter {voter}", "cluster voter password", false));
                await account.GrantBoardRoleAsync(new BoardRoleGrant("ldib", BoardRole.Member, "nhs-england"));
                tokens[voter] = (await account.IssueTokenAsync("cluster test")).Token;
            }

            await grains.GetGrain<IBoardGrain>("ldib").ReviseAsync(new DefineBoard
            {
                Name = "Cluster board",
                Members = [.. Enumerable.Range(0, Voters).Select(i => new BoardMember
                {
                    OrganisationId = "nhs-england",
                    Name = $"Voter {i}",
                    UserName = $"voter-{i}",
                    Office = i == 0 ? BoardOffice.Chair : BoardOffice.Member,
                })],
                Quorum = new QuorumRule { MinimumOrganisations = 1, RequiresChairOrViceChair = false },
            });
            for (var d = 0; d < Decisions; d++)
            {
                var decision = grains.GetGrain<IDecisionGrain>(DecisionId(d));
                await decision.ProposeAsync("ldib", new ProposeDecision { Motion = $"Cluster motion {d}", ClosesAt = DateTimeOffset.UtcNow.AddDays(1) });
                await decision.OpenAsync();
            }
        }

        return tokens;
    }
}
