using System.Net;
using BoardDesk.Decisions;
using BoardDesk.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests.Decisions;

/// <summary>Votes at the LDIB meeting of 23 October 2015: named and secret ballots, recusal, quorum and the casting vote.</summary>
public sealed class DecisionsApiTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldCarryANamedVoteOnTheChairsCastingVote_WhenTheVotesAreTiedAfterARecusal()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();

        var decision = await ProposeAsync(ldib, "ldib-2015-10-23-ist", BallotKind.Named, VotingUnit.Representative);
        decision.Status.Should().Be(DecisionStatus.Proposed);
        decision = await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-2015-10-23-ist/open", null);
        decision.Recused.Should().Equal("Health Education England representative");
        decision.EligibleUnits.Should().BeEquivalentTo(
            ["NHS England representative", "Monitor representative", "NHS Trust Development Authority representative", "Public Health England representative", "Care Quality Commission representative"],
            "voting members present or deputised for, less the member who declared an interest; the non-voting DH member is not eligible");
        decision.QuorumAtOpen.Should().StartWith("Quorate: 5 member organisations");
        var visitor = api.CreateClient();
        (await visitor.GetAsync("/api/decisions/ldib-2015-10-23-ist")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a vote under way is the board's business");

        await CastAsync(ldib, "nhs-england", "NHS England representative", VoteChoice.For);
        await CastAsync(ldib, "monitor", "Monitor representative", VoteChoice.Against);
        await CastAsync(ldib, "monitor", "Monitor representative", VoteChoice.For);
        await CastAsync(ldib, "nhs-tda", "NHS Trust Development Authority deputy", VoteChoice.Against);
        await CastAsync(ldib, "phe", "Public Health England representative", VoteChoice.Against);
        await CastAsync(ldib, "cqc", "Care Quality Commission representative", VoteChoice.Abstain);
        await CastAsync(ldib, "hee", "Health Education England representative", VoteChoice.For, HttpStatusCode.Conflict);
        await CastAsync(ldib, "monitor", "Public Health England representative", VoteChoice.For, HttpStatusCode.Forbidden);

        var closed = await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-2015-10-23-ist/close", new { castingVote = "For" });
        closed.Count.Should().Be(new VoteCount(2, 2, 1), "Monitor's changed vote replaced its first");
        closed.Outcome.Should().Be(DecisionOutcome.TiedCarriedOnCastingVote);
        closed.CastingVote.Should().Be(VoteChoice.For);
        closed.Ballots.Should().Contain(new NamedBallot("Monitor representative", "Monitor representative", VoteChoice.For))
            .And.Contain(new NamedBallot("NHS Trust Development Authority representative", "NHS Trust Development Authority deputy", VoteChoice.Against));
        closed.QuorumAtClose.Should().StartWith("Quorate");

        var again = await ldib.Chair.PostAsync("/api/decisions/ldib-2015-10-23-ist/close", JsonBody(new { castingVote = "Against" }));
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "the outcome is immutable");
        await CastAsync(ldib, "phe", "Public Health England representative", VoteChoice.For, HttpStatusCode.Conflict);
        (await LdibBoard.GetAsync<DecisionDetails>(ldib.Operator, "/api/decisions/ldib-2015-10-23-ist")).Outcome.Should().Be(DecisionOutcome.TiedCarriedOnCastingVote);
        (await LdibBoard.GetAsync<DecisionDetails>(visitor, "/api/decisions/ldib-2015-10-23-ist")).Outcome.Should().Be(DecisionOutcome.TiedCarriedOnCastingVote, "a decision taken on a public item is public once closed");
        (await LdibBoard.GetAsync<DecisionDetails[]>(visitor, "/api/boards/ldib/decisions")).Select(d => d.Id).Should().Contain("ldib-2015-10-23-ist");
    }

    [Fact]
    public async Task ShouldStoreNothingThatJoinsVoterAndChoice_WhenTheBallotIsSecret()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        await ProposeAsync(ldib, "ldib-2015-10-23-secret", BallotKind.Secret, VotingUnit.Organisation);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-2015-10-23-secret/open", null);

        await CastAsync(ldib, "nhs-england", "NHS England representative", VoteChoice.For, decisionId: "ldib-2015-10-23-secret");
        await CastAsync(ldib, "monitor", "Monitor representative", VoteChoice.For, decisionId: "ldib-2015-10-23-secret");
        await CastAsync(ldib, "monitor", "Monitor deputy", VoteChoice.Against, HttpStatusCode.Conflict, "ldib-2015-10-23-secret");
        var changed = await ldib.Voters["monitor"].PostAsync("/api/decisions/ldib-2015-10-23-secret/ballots", JsonBody(new { voter = "Monitor representative", choice = "Against" }));
        changed.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await changed.Content.ReadAsStringAsync()).Should().Contain("cannot be changed once cast");
        await CastAsync(ldib, "nhs-tda", "NHS Trust Development Authority deputy", VoteChoice.For, decisionId: "ldib-2015-10-23-secret");
        await CastAsync(ldib, "phe", "Public Health England representative", VoteChoice.Against, decisionId: "ldib-2015-10-23-secret");
        var open = await CastAsync(ldib, "cqc", "Care Quality Commission representative", VoteChoice.For, decisionId: "ldib-2015-10-23-secret");
        open.Ballots.Should().BeEmpty();
        open.Voted.Should().Equal("cqc", "monitor", "nhs-england", "nhs-tda", "phe");
        open.Count.Should().BeNull();
        var whileOpen = await StoredRowsAsync(api, "decision/ldib-2015-10-23-secret");
        whileOpen.Where(r => r.StartsWith("sealed ", StringComparison.Ordinal)).Should().HaveCount(5, "the box holds one choice per holder on the roll");
        whileOpen.Where(r => open.Voted.Any(unit => r.Contains($"\"{unit}\"", StringComparison.Ordinal)))
            .Should().NotBeEmpty().And.OnlyContain(r => !r.Contains("For", StringComparison.Ordinal) && !r.Contains("Against", StringComparison.Ordinal), "no stored row holds a holder next to a choice");

        var closed = await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-2015-10-23-secret/close", new { });
        closed.Count.Should().Be(new VoteCount(4, 1, 0), "Monitor's first ballot stands: a secret ballot is final; its deputy, not present, could not vote");
        closed.Outcome.Should().Be(DecisionOutcome.Carried);

        var rows = await StoredRowsAsync(api, "decision/ldib-2015-10-23-secret");
        rows.Should().NotBeEmpty();
        foreach (var row in rows)
        {
            row.Should().NotContain("\"For\"").And.NotContain("\"Against\"").And.NotContain("choice", "no stored row holds a choice once closed; the closing event holds counts only");
        }

        rows.Count(r => r.Contains("DecisionSecretVoteRecorded", StringComparison.Ordinal)).Should().Be(5, "the roll records once that each organisation voted");
        rows.Single(r => r.Contains("DecisionVotingClosed", StringComparison.Ordinal)).Should().Contain("\"for\":4").And.Contain("\"against\":1");
        rows.Should().NotContain(r => r.StartsWith("sealed ", StringComparison.Ordinal), "the box is emptied with the closing event");
    }

    [Fact]
    public async Task ShouldKeepOneBallot_WhenOneMemberSendsAHundredInParallel()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        await ProposeAsync(ldib, "ldib-2015-10-23-parallel", BallotKind.Named, VotingUnit.Representative);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-2015-10-23-parallel/open", null);

        var ballots = Enumerable.Range(0, 100).Select(i => ldib.Voters["phe"].PostAsync(
            "/api/decisions/ldib-2015-10-23-parallel/ballots",
            JsonBody(new { voter = "Public Health England representative", choice = i % 3 == 0 ? "Against" : "For" })));
        var answers = await Task.WhenAll(ballots);
        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK);

        var decision = await LdibBoard.GetAsync<DecisionDetails>(ldib.Operator, "/api/decisions/ldib-2015-10-23-parallel");
        decision.Ballots.Should().ContainSingle().Which.Unit.Should().Be("Public Health England representative");
        decision.Voted.Should().Equal("Public Health England representative");
    }

    [Fact]
    public async Task ShouldRefuseBadInputWithProblemDetailsAndWriteNothing_WhenAProposalIsInvalid()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        var before = await api.CountEventsAsync();

        var answers = new[]
        {
            await ldib.Operator.PostAsync("/api/boards/ldib/decisions", JsonBody(new { motion = "", meetingId = LdibBoard.MeetingId, agendaItemId = ldib.ItemId })),
            await ldib.Operator.PostAsync("/api/boards/ldib/decisions", JsonBody(new { motion = "Written procedure without a deadline" })),
            await ldib.Operator.PostAsync("/api/boards/ldib/decisions", JsonBody(new { motion = "Bad method", meetingId = LdibBoard.MeetingId, agendaItemId = ldib.ItemId, method = "Lottery" })),
            await ldib.Operator.PostAsync("/api/boards/ldib/decisions", JsonBody(new
            {
                motion = "Unknown recommendation",
                meetingId = LdibBoard.MeetingId,
                agendaItemId = ldib.ItemId,
                effects = new object[] { new { effect = "setRecommendationResponse", recommendationId = "smith-2015/999", response = "AcceptedInFull" } },
            })),
            await ldib.Operator.PostAsync("/api/boards/ldib/decisions", JsonBody(new { motion = "Unknown paper", meetingId = LdibBoard.MeetingId, agendaItemId = ldib.ItemId, paperIds = new[] { "no-such-paper" } })),
            await ldib.Operator.PostAsync("/api/boards/ldib/decisions", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")),
        };

        foreach (var answer in answers)
        {
            answer.StatusCode.Should().Be(HttpStatusCode.BadRequest, await answer.Content.ReadAsStringAsync());
            answer.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        (await api.CountEventsAsync()).Should().Be(before);
    }

    internal static StringContent JsonBody(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, BoardDesk.Persistence.JournalJson.Options), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task ShouldRefuseTheBallotAndLeaveTheSeatToItsHolder_WhenAMemberCastsItAsADeputyNamedOnlyInTheAttendance()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        (await ldib.Operator.PutAsync($"/api/boards/ldib/meetings/{LdibBoard.MeetingId}/attendance", JsonBody(new
        {
            attendees = new object[]
            {
                new { name = "NHS England representative", kind = "Present" },
                new { name = "Jane Substitute", kind = "Deputy", deputyFor = "Monitor representative" },
                new { name = "Health Education England representative", kind = "Present" },
                new { name = "Public Health England representative", kind = "Present" },
                new { name = "Care Quality Commission representative", kind = "Present" },
            },
        }))).EnsureSuccessStatusCode();
        await ProposeAsync(ldib, "ldib-2015-10-23-secret", BallotKind.Secret, VotingUnit.Organisation);
        var opened = await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-2015-10-23-secret/open", null);

        var forged = await ldib.Voters["nhs-england"].PostAsync("/api/decisions/ldib-2015-10-23-secret/ballots", JsonBody(new { voter = "Jane Substitute", choice = "Against" }));

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a ballot is cast only as the person linked to the caller's account");
        opened.EligibleUnits.Should().NotContain("monitor", "a deputy the board never appointed does not stand in for Monitor");
        var decision = await LdibBoard.GetAsync<DecisionDetails>(ldib.Operator, "/api/decisions/ldib-2015-10-23-secret");
        decision.Voted.Should().BeEmpty();
        (await ldib.Voters["nhs-england"].PostAsync("/api/decisions/ldib-2015-10-23-secret/ballots", JsonBody(new { voter = "NHS England representative", choice = "For" })))
            .StatusCode.Should().Be(HttpStatusCode.OK, "the member still casts their own organisation's ballot");
    }

    [Fact]
    public async Task ShouldKeepBothBallotsAndRecuseOnlyTheDeclarer_WhenTheSampleMemberAndTheSampleChairVote()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        var member = await api.TokenClientAsync("ldib-member");
        var chair = await api.TokenClientAsync("ldib-chair");
        await ProposeAsync(ldib, "ldib-2015-10-23-ist", BallotKind.Named, VotingUnit.Organisation);
        var declaredForOther = await chair.PostAsync($"/api/boards/ldib/meetings/{LdibBoard.MeetingId}/declarations", JsonBody(new
        {
            agendaItemId = ldib.ItemId,
            name = "NHS England representative",
            interest = "Declared for someone else.",
        }));
        await LdibBoard.PostAsync<DecisionDetails>(chair, "/api/decisions/ldib-2015-10-23-ist/open", null);

        var asMember = await member.PostAsync("/api/decisions/ldib-2015-10-23-ist/ballots", JsonBody(new { voter = "NHS England representative", choice = "For" }));
        var chairAsMember = await chair.PostAsync("/api/decisions/ldib-2015-10-23-ist/ballots", JsonBody(new { voter = "NHS England representative", choice = "Against" }));
        var asChair = await chair.PostAsync("/api/decisions/ldib-2015-10-23-ist/ballots", JsonBody(new { voter = "Monitor representative", choice = "Against" }));

        declaredForOther.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the chair declares only as the member whose seat they hold");
        asMember.StatusCode.Should().Be(HttpStatusCode.OK);
        chairAsMember.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the chair holds Monitor's seat, not NHS England's");
        asChair.StatusCode.Should().Be(HttpStatusCode.OK);
        var decision = await LdibBoard.GetAsync<DecisionDetails>(ldib.Operator, "/api/decisions/ldib-2015-10-23-ist");
        decision.Ballots.Select(b => (b.Unit, b.Choice)).Should().BeEquivalentTo([("nhs-england", VoteChoice.For), ("monitor", VoteChoice.Against)]);
    }

    private static Task<DecisionDetails> ProposeAsync(LdibBoard ldib, string id, BallotKind ballot, VotingUnit unit) =>
        LdibBoard.PostAsync<DecisionDetails>(ldib.Operator, "/api/boards/ldib/decisions", new
        {
            decisionId = id,
            meetingId = LdibBoard.MeetingId,
            agendaItemId = ldib.ItemId,
            motion = "The intensive support teams will be hosted by NHS Improvement.",
            method = "SimpleMajority",
            ballot = ballot.ToString(),
            unit = unit.ToString(),
        }, HttpStatusCode.Created);

    private static async Task<DecisionDetails> CastAsync(LdibBoard ldib, string organisation, string voter, VoteChoice choice, HttpStatusCode expected = HttpStatusCode.OK, string decisionId = "ldib-2015-10-23-ist")
    {
        var response = await ldib.ClientFor(organisation, voter).PostAsync($"/api/decisions/{decisionId}/ballots", JsonBody(new { voter, choice = choice.ToString() }));
        if (expected != HttpStatusCode.OK)
        {
            response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
            return null!;
        }

        return await LdibBoard.ReadAsync<DecisionDetails>(response);
    }

    /// <summary>Every stored row about a grain, read from the SQLite file itself: events, snapshot, document, reminders, sealed box.</summary>
    private static async Task<List<string>> StoredRowsAsync(BoardDeskApi api, string grainId)
    {
        var database = Path.Combine(api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BoardDesk.Server.Infrastructure.BoardDeskOptions>>().Value.DatabasePath);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        var rows = new List<string>();
        var key = grainId[(grainId.IndexOf('/') + 1)..];
        foreach (var sql in new[]
        {
            "SELECT type || ' ' || payload || ' ' || at || ' ' || user FROM events WHERE grain = $grain",
            "SELECT payload FROM snapshots WHERE grain = $grain",
            "SELECT payload FROM documents WHERE id = $key",
            "SELECT name || ' ' || start_at FROM orleans_reminders WHERE grain_id = $grain",
            "SELECT 'sealed ' || value FROM sealed WHERE grain = $grain",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$grain", grainId);
            command.Parameters.AddWithValue("$key", key);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        return rows;
    }
}
