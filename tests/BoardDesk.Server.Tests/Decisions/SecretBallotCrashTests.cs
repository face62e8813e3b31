using System.Net;
using System.Net.Http.Json;
using BoardDesk.Decisions;
using BoardDesk.Persistence;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Decisions;

/// <summary>Secret ballots acknowledged over HTTP survive a SIGKILL of the server and are counted at close.</summary>
public sealed class SecretBallotCrashTests : IDisposable
{
    private const string DecisionId = "ldib-written-secret-2015-11";
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["BoardDesk:SignInAttemptsPerMinute"] = "10000",
        ["BoardDesk:BallotsPerMinute"] = "100000",
    };

    private static readonly (string Organisation, string Voter, VoteChoice Choice)[] Ballots =
    [
        ("nhs-england", "NHS England representative", VoteChoice.For),
        ("nhs-tda", "NHS Trust Development Authority deputy", VoteChoice.Against),
        ("monitor", "Monitor representative", VoteChoice.For),
        ("hee", "Health Education England representative", VoteChoice.Abstain),
        ("phe", "Public Health England representative", VoteChoice.For),
        ("cqc", "Care Quality Commission representative", VoteChoice.Against),
    ];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldCountEveryAcknowledgedSecretBallot_WhenTheServerIsKilledBeforeTheVoteCloses()
    {
        using (var server = await ServerProcess.StartAsync(_folder.Path, Settings))
        {
            var voters = await OpenVoteAsync(server);

            var answers = await Task.WhenAll(Ballots.Select(b => CastAsync(voters, b)));

            answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK, "every ballot is acknowledged before the kill");
            server.Kill();
            DisposeAll(voters.Values);
        }

        using var restarted = await ServerProcess.StartAsync(_folder.Path, Settings);
        var again = await MemberClientsAsync(restarted, create: false);
        var before = await LdibBoard.GetAsync<DecisionDetails>(again["nhs-england"], $"/api/decisions/{DecisionId}");
        before.Voted.Should().BeEquivalentTo(Ballots.Select(b => b.Organisation));
        var changed = await CastAsync(again, ("monitor", "Monitor deputy", VoteChoice.Against));
        changed.StatusCode.Should().Be(HttpStatusCode.Conflict, "a secret ballot cast before the crash is final after it too");

        var closed = await CloseAsync(restarted);

        closed.Count.Should().Be(new VoteCount(3, 2, 1), "every acknowledged ballot is counted");
        closed.LostSecretBallots.Should().Be(0);
        closed.Outcome.Should().Be(DecisionOutcome.Carried);
        DisposeAll(again.Values);
    }

    [Fact]
    public async Task ShouldStoreEachSecretBallotWithItsRollEntryOrNotAtAll_WhenTheServerIsKilledWhileBallotsAreInFlight()
    {
        var acknowledged = new List<(string Organisation, string Voter, VoteChoice Choice)>();
        using (var server = await ServerProcess.StartAsync(_folder.Path, Settings))
        {
            var voters = await OpenVoteAsync(server);
            foreach (var ballot in Ballots.Take(2))
            {
                (await CastAsync(voters, ballot)).StatusCode.Should().Be(HttpStatusCode.OK);
                acknowledged.Add(ballot);
            }

            var inFlight = Ballots.Skip(2).Select(b => (Ballot: b, Answer: CastAsync(voters, b))).ToList();
            await Task.WhenAny(inFlight.Select(f => f.Answer));
            server.Kill();
            foreach (var (ballot, answer) in inFlight)
            {
                if (await answer.ContinueWith(t => t.IsCompletedSuccessfully && t.Result.StatusCode == HttpStatusCode.OK))
                {
                    acknowledged.Add(ballot);
                }
            }

            DisposeAll(voters.Values);
        }

        using var restarted = await ServerProcess.StartAsync(_folder.Path, Settings);
        var closed = await CloseAsync(restarted);

        closed.Voted.Should().Contain(acknowledged.Select(b => b.Organisation), "an acknowledged ballot is on the roll");
        closed.Count!.For.Should().BeGreaterThanOrEqualTo(acknowledged.Count(b => b.Choice == VoteChoice.For)).And.BeLessThanOrEqualTo(Ballots.Count(b => b.Choice == VoteChoice.For));
        closed.Count.Against.Should().BeGreaterThanOrEqualTo(acknowledged.Count(b => b.Choice == VoteChoice.Against)).And.BeLessThanOrEqualTo(Ballots.Count(b => b.Choice == VoteChoice.Against));
        closed.Count.Abstain.Should().BeGreaterThanOrEqualTo(acknowledged.Count(b => b.Choice == VoteChoice.Abstain)).And.BeLessThanOrEqualTo(Ballots.Count(b => b.Choice == VoteChoice.Abstain));
        (closed.Count.For + closed.Count.Against + closed.Count.Abstain).Should().Be(closed.Voted.Count, "each choice was stored with its roll entry, or neither was");
        closed.LostSecretBallots.Should().Be(0);
    }

    /// <summary>Proposes the secret written procedure, opens it, and signs in a member of each voting organisation.</summary>
    private static async Task<Dictionary<string, HttpClient>> OpenVoteAsync(ServerProcess server)
    {
        var voters = await MemberClientsAsync(server);
        using var secretary = await server.CreateClientAsync("ldib-secretary");
        (await secretary.PostAsJsonAsync("/api/boards/ldib/decisions", new
        {
            decisionId = DecisionId,
            closesAt = DateTimeOffset.UtcNow.AddHours(1),
            motion = "The board agrees the terms of reference of the NILDS working group.",
            method = "SimpleMajority",
            ballot = "Secret",
            unit = "Organisation",
        }, JournalJson.Options)).StatusCode.Should().Be(HttpStatusCode.Created);
        using var chair = await server.CreateClientAsync("ldib-chair");
        (await chair.PostAsync($"/api/decisions/{DecisionId}/open", null)).EnsureSuccessStatusCode();
        return voters;
    }

    private static Task<HttpResponseMessage> CastAsync(Dictionary<string, HttpClient> voters, (string Organisation, string Voter, VoteChoice Choice) ballot) =>
        voters[ballot.Voter.EndsWith(" deputy", StringComparison.Ordinal) ? $"{ballot.Organisation} deputy" : ballot.Organisation].PostAsJsonAsync($"/api/decisions/{DecisionId}/ballots", new { voter = ballot.Voter, choice = ballot.Choice }, JournalJson.Options);

    /// <summary>Closes the vote as the chair, and checks that every journal's hash chain still holds.</summary>
    private static async Task<DecisionDetails> CloseAsync(ServerProcess server)
    {
        using var chair = await server.CreateClientAsync("ldib-chair");
        var closed = await LdibBoard.PostAsync<DecisionDetails>(chair, $"/api/decisions/{DecisionId}/close", new { });
        await server.AuthorizeAsync("admin");
        var verified = await LdibBoard.GetAsync<System.Text.Json.JsonElement>(server.Client, "/api/audit/verify");
        verified.GetProperty("intact").GetBoolean().Should().BeTrue();
        return closed;
    }

    private static void DisposeAll(IEnumerable<HttpClient> clients)
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    /// <summary>The client of each person who votes, by organisation: its member, or its deputy for a deputy's name.</summary>
    private static async Task<Dictionary<string, HttpClient>> MemberClientsAsync(ServerProcess server, bool create = true)
    {
        await server.AuthorizeAsync("admin");
        if (create)
        {
            await LdibBoard.CreateAndLinkAccountsAsync(server.Client, ServerProcess.SamplePassword);
        }

        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (organisation, user) in LdibBoard.Holders)
        {
            clients[organisation] = await server.CreateClientAsync(user);
            clients[$"{organisation} deputy"] = await server.CreateClientAsync($"deputy-{organisation}");
        }

        return clients;
    }
}
