using System.Net;
using BoardDesk.Decisions;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Decisions;

/// <summary>A written procedure between meetings closes by itself at its deadline, even when the server was down then.</summary>
public sealed class WrittenProcedureTests : IDisposable
{
    private const string DecisionId = "ldib-written-2015-11";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldCloseAtTheDeadline_WhenTheServerWasDownWhenItPassed()
    {
        DateTimeOffset closesAt;
        await using (var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings))
        {
            var ldib = new LdibBoard(api);
            await ldib.SignInAsync();
            // Timed from here, so that a slow start of the server does not eat the voting time.
            closesAt = DateTimeOffset.UtcNow.AddSeconds(15);
            await LdibBoard.PostAsync<DecisionDetails>(ldib.Operator, "/api/boards/ldib/decisions", new
            {
                decisionId = DecisionId,
                closesAt,
                motion = "The board agrees the terms of reference of the NILDS working group.",
                method = "SimpleMajority",
                ballot = "Named",
                unit = "Organisation",
            }, HttpStatusCode.Created);
            var opened = await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, $"/api/decisions/{DecisionId}/open", null);
            opened.EligibleUnits.Should().BeEquivalentTo(["nhs-england", "nhs-tda", "monitor", "hee", "phe", "cqc"], "every voting member organisation votes by written procedure");

            await Cast(ldib, "nhs-england", "NHS England representative", "For");
            await Cast(ldib, "monitor", "Monitor deputy", "For");
            await Cast(ldib, "hee", "Health Education England representative", "Against");
            await Cast(ldib, "cqc", "Care Quality Commission representative", "For");
        }

        var wait = closesAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await using var restarted = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var client = await restarted.TokenClientAsync("ldib-secretary");
        DecisionDetails? decision = null;
        await DecisionCrashTests.WaitUntilAsync(async () => (decision = await LdibBoard.GetAsync<DecisionDetails>(client, $"/api/decisions/{DecisionId}")).Status == DecisionStatus.Closed, "the deadline reminder to close the vote");
        decision!.Outcome.Should().Be(DecisionOutcome.Carried);
        decision.Count.Should().Be(new VoteCount(3, 1, 0));
        decision.QuorumAtClose.Should().StartWith("Quorate: 4 member organisations voted");
        decision.ClosedAt.Should().BeOnOrAfter(closesAt);
    }

    private static async Task Cast(LdibBoard ldib, string organisation, string voter, string choice) =>
        (await ldib.ClientFor(organisation, voter).PostAsync($"/api/decisions/{DecisionId}/ballots", DecisionsApiTests.JsonBody(new { voter, choice }))).StatusCode.Should().Be(HttpStatusCode.OK);
}
