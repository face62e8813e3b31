using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BoardDesk.Decisions;
using BoardDesk.Meetings;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Decisions;

/// <summary>The decision page and its tally: who sees what, and voting through the page's plain forms.</summary>
public sealed partial class DecisionPageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldAnswerNotFound_WhenAnAnonymousReaderOpensADecisionOnAPrivateItem()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        var itemId = await PrivateItemMeetingAsync(ldib);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Operator, "/api/boards/ldib/decisions", new
        {
            decisionId = "ldib-private-recovery",
            meetingId = PrivateMeetingId,
            agendaItemId = itemId,
            motion = "Provider recovery support is extended for six months.",
            method = "SimpleMajority",
            ballot = "Named",
            unit = "Representative",
        }, HttpStatusCode.Created);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-private-recovery/open", null);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Voters["monitor"], "/api/decisions/ldib-private-recovery/ballots", new { voter = "Monitor representative", choice = "For" });
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-private-recovery/close", null);

        var visitor = api.CreateClient();
        var page = await visitor.GetAsync("/decisions/ldib-private-recovery");
        var missing = await visitor.GetAsync("/decisions/no-such-decision");
        var tally = await visitor.GetAsync("/api/decisions/ldib-private-recovery/tally");

        page.StatusCode.Should().Be(HttpStatusCode.NotFound, "a decision on a private item stays the board's, even once closed");
        var text = await page.Content.ReadAsStringAsync();
        text.Should().NotContain("Provider recovery support").And.NotContain("Monitor representative");
        // The pages differ only where they name their own address (the skip link), which the reader gave.
        text.Replace("/decisions/ldib-private-recovery", "/decisions/{id}", StringComparison.Ordinal)
            .Should().Be((await missing.Content.ReadAsStringAsync()).Replace("/decisions/no-such-decision", "/decisions/{id}", StringComparison.Ordinal),
                "the answer says nothing of whether the decision exists");
        tally.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var member = await api.SignedInClientAsync("ldib-member");
        var memberPage = await member.GetStringAsync("/decisions/ldib-private-recovery");
        memberPage.Should().Contain("Provider recovery support is extended for six months.").And.Contain("Outcome: Carried");
    }

    [Fact]
    public async Task ShouldShowOnlyTheTurnout_WhenASecretBallotIsOpen()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        await ProposeAsync(ldib, "ldib-secret-hosting", BallotKind.Secret);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-secret-hosting/open", null);
        await CastAsync(ldib, "ldib-secret-hosting", "monitor", "Monitor representative", VoteChoice.Against);
        await CastAsync(ldib, "ldib-secret-hosting", "phe", "Public Health England representative", VoteChoice.Abstain);
        var member = await api.SignedInClientAsync("ldib-member");
        var secretary = await api.SignedInClientAsync("ldib-secretary");

        var tallyRegion = TallyRegion(await secretary.GetStringAsync("/decisions/ldib-secret-hosting"));
        var tally = JsonDocument.Parse(await member.GetStringAsync("/api/decisions/ldib-secret-hosting/tally")).RootElement;

        tallyRegion.Should().Contain("2 of 5 have voted").And.Contain("Secret ballot");
        tallyRegion.Should().NotContain("Against").And.NotContain("Abstain").And.NotContain("tally-counts").And.NotContain("Monitor");
        tally.GetProperty("voted").GetInt32().Should().Be(2);
        tally.GetProperty("count").ValueKind.Should().Be(JsonValueKind.Null);
        tally.GetProperty("ballots").GetArrayLength().Should().Be(0);
        tally.GetRawText().Should().NotContain("Against").And.NotContain("Abstain");
        (await api.CreateClient().GetAsync("/api/decisions/ldib-secret-hosting/tally")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a vote under way is the board's");

        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-secret-hosting/close", null);
        var closed = JsonDocument.Parse(await member.GetStringAsync("/api/decisions/ldib-secret-hosting/tally")).RootElement;
        closed.GetProperty("count").GetProperty("against").GetInt32().Should().Be(1, "the counts are shown once voting closes");
        closed.GetProperty("outcomeText").GetString().Should().Be("Not carried");
        closed.GetProperty("ballots").GetArrayLength().Should().Be(0, "a secret ballot never shows who voted how");
        var closedPage = await member.GetStringAsync("/decisions/ldib-secret-hosting");
        closedPage.Should().Contain("Outcome: Not carried");
        TallyRegion(closedPage).Should().NotContain("Monitor").And.NotContain("Outcome:", "the outcome is shown once, at the top");
    }

    [Fact]
    public async Task ShouldRecordTheBallot_WhenAMemberVotesThroughThePage()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        await ProposeAsync(ldib, "ldib-named-hosting", BallotKind.Named);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-named-hosting/open", null);
        var member = await api.SignedInClientAsync("ldib-member");

        var voted = await PostFormAsync(member, "/decisions/ldib-named-hosting", "vote", new() { ["Voter"] = "NHS England representative", ["Choice"] = "Against" });
        var changed = await PostFormAsync(member, "/decisions/ldib-named-hosting", "vote", new() { ["Voter"] = "NHS England representative", ["Choice"] = "For" });

        voted.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await changed.Content.ReadAsStringAsync();
        page.Should().Contain("Your vote: For (cast by NHS England representative).");
        page.Should().Contain("You vote for NHS England as its representative.", "the page names the organisation one stands for, not a seat's label");
        TallyRegion(page).Should().Contain("1 of 5 has voted").And.Contain("NHS England (cast by NHS England representative)").And.Contain("Not voted yet: Monitor");
        var decision = await LdibBoard.GetAsync<DecisionDetails>(ldib.Operator, "/api/decisions/ldib-named-hosting");
        decision.Ballots.Should().Equal([new NamedBallot("nhs-england", "NHS England representative", VoteChoice.For)], "the second vote replaced the first");
    }

    [Fact]
    public async Task ShouldOfferNoSecondBallot_WhenAMemberHasCastASecretBallot()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        await ProposeAsync(ldib, "ldib-secret-final", BallotKind.Secret);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-secret-final/open", null);
        var member = await api.SignedInClientAsync("ldib-member");
        var token = await FormTokenAsync(member, "/decisions/ldib-secret-final");
        (await member.GetStringAsync("/decisions/ldib-secret-final")).Should().Contain("A secret ballot is final once cast");

        var voted = await PostFormAsync(member, "/decisions/ldib-secret-final", "vote", new() { ["Voter"] = "NHS England representative", ["Choice"] = "Against" }, token);
        var again = await PostFormAsync(member, "/decisions/ldib-secret-final", "vote", new() { ["Voter"] = "NHS England representative", ["Choice"] = "For" }, token);

        voted.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await voted.Content.ReadAsStringAsync();
        page.Should().Contain("it cannot be changed").And.NotContain("class=\"vote-button", "a cast secret ballot offers no buttons");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "a page left open still cannot change a secret ballot");
        (await again.Content.ReadAsStringAsync()).Should().Contain("cannot be changed once cast");
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-secret-final/close", null);
        var closed = await LdibBoard.GetAsync<DecisionDetails>(ldib.Operator, "/api/decisions/ldib-secret-final");
        closed.Count.Should().Be(new VoteCount(0, 1, 0), "the first ballot stands");
    }

    [Fact]
    public async Task ShouldShowAnErrorAndChangeNothing_WhenAMemberVotesAfterVotingClosed()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        await ProposeAsync(ldib, "ldib-closed-hosting", BallotKind.Named);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-closed-hosting/open", null);
        var member = await api.SignedInClientAsync("ldib-member");
        var token = await FormTokenAsync(member, "/decisions/ldib-closed-hosting");
        await CastAsync(ldib, "ldib-closed-hosting", "monitor", "Monitor representative", VoteChoice.For);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-closed-hosting/close", null);
        var events = await api.CountEventsAsync();

        var late = await PostFormAsync(member, "/decisions/ldib-closed-hosting", "vote", new() { ["Voter"] = "NHS England representative", ["Choice"] = "Against" }, token);
        var forOthers = await PostFormAsync(member, "/decisions/ldib-closed-hosting", "vote", new() { ["Voter"] = "Monitor representative", ["Choice"] = "Against" }, token);
        var nonsense = await PostFormAsync(member, "/decisions/ldib-closed-hosting", "vote", new() { ["Voter"] = "NHS England representative", ["Choice"] = "2" }, token);

        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).Should().Contain("There is a problem").And.Contain("Ballots are cast only while voting is open");
        forOthers.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a member votes only for their own organisation");
        nonsense.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await nonsense.Content.ReadAsStringAsync()).Should().Contain("Choose For, Against or Abstain.");
        (await api.CountEventsAsync()).Should().Be(events, "a refused ballot writes nothing");
        var decision = await LdibBoard.GetAsync<DecisionDetails>(ldib.Operator, "/api/decisions/ldib-closed-hosting");
        decision.Count.Should().Be(new VoteCount(1, 0, 0));
        decision.Ballots.Should().ContainSingle();
    }

    [Fact]
    public async Task ShouldProposeNothing_WhenTheSecretaryLeavesTheMotionEmpty()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        var secretary = await api.SignedInClientAsync("ldib-secretary");
        const string meeting = $"/boards/ldib/meetings/{LdibBoard.MeetingId}";
        var events = await api.CountEventsAsync();
        var fields = new Dictionary<string, string>
        {
            ["Proposal.AgendaItemId"] = ldib.ItemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Proposal.Method"] = "SimpleMajority",
            ["Proposal.Ballot"] = "Secret",
            ["Proposal.Unit"] = "Representative",
        };

        var empty = await PostFormAsync(secretary, meeting, "propose", new(fields) { ["Proposal.Motion"] = " " });
        var halfAction = await PostFormAsync(secretary, meeting, "propose", new(fields) { ["Proposal.Motion"] = "Host the teams.", ["Proposal.ActionDescription"] = "Write to NHS Improvement" });

        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("There is a problem").And.Contain("Write the motion the board is asked to agree.");
        halfAction.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var halfActionPage = await halfAction.Content.ReadAsStringAsync();
        halfActionPage.Should().Contain("Choose the person who will own the action.").And.Contain("Choose the organisation the owner acts for.")
            .And.Contain("Enter the date the action is due.").And.NotContain("Say what is to be done", "the description was given");
        halfActionPage.Should().Contain($"href=\"{meeting}#action-owner\"", "the error summary links to the field on this page");
        (await api.CountEventsAsync()).Should().Be(events, "nothing is proposed");

        var proposed = await PostFormAsync(secretary, meeting, "propose", new(fields)
        {
            ["Proposal.Motion"] = "The intensive support teams will be hosted by NHS Improvement.",
            ["Proposal.ActionDescription"] = "Write to NHS Improvement",
            ["Proposal.ActionOwner"] = "ldib-lead",
            ["Proposal.ActionOrganisation"] = "nhs-england",
            ["Proposal.ActionDueOn"] = "2016-01-31",
        });
        proposed.RequestMessage!.RequestUri!.AbsolutePath.Should().Be($"/decisions/ldib-{LdibBoard.MeetingId}-item-{ldib.ItemId}");
        (await proposed.Content.ReadAsStringAsync()).Should().Contain("Record an action: Write to NHS Improvement. Owner: LDIB programme lead (NHS England), due 31 January 2016.");
        var decision = await LdibBoard.GetAsync<DecisionDetails>(ldib.Operator, $"/api/decisions/ldib-{LdibBoard.MeetingId}-item-{ldib.ItemId}");
        decision.Ballot.Should().Be(BallotKind.Secret);
        decision.Effects.Should().ContainSingle().Which.Should().BeOfType<CreateActionEffect>().Which.DueOn.Should().Be(new DateOnly(2016, 1, 31));
        (await secretary.GetStringAsync(meeting)).Should().Contain($"/decisions/{decision.Id}").And.Contain("Proposed: voting has not opened");
    }

    [Fact]
    public async Task ShouldRecuseTheMember_WhenTheyDeclareAsTheBoardMemberTheySitFor()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        var member = await api.TokenClientAsync("ldib-member");
        const string declarations = $"/api/boards/ldib/meetings/{LdibBoard.MeetingId}/declarations";

        var asOthers = await member.PostAsync(declarations, DecisionsApiTests.JsonBody(new { agendaItemId = ldib.ItemId, name = "Monitor representative", interest = "A relative works there." }));
        await LdibBoard.PostAsync<MeetingDetails>(member, declarations, new { agendaItemId = ldib.ItemId, name = "NHS England representative", interest = "NHS England would fund the teams." });
        await ProposeAsync(ldib, "ldib-recusal", BallotKind.Named);
        var decision = await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-recusal/open", null);
        var page = await (await api.SignedInClientAsync("ldib-member")).GetStringAsync("/decisions/ldib-recusal");

        asOthers.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a member declares only as themselves or the member they sit for");
        decision.Recused.Should().BeEquivalentTo(["NHS England representative", "Health Education England representative"]);
        page.Should().Contain("You are recused from this vote.").And.Contain("NHS England would fund the teams.").And.NotContain("name=\"Choice\"");
    }

    [Fact]
    public async Task ShouldOfferOnlyThePlaceLinkedToTheAccount_WhenAWrittenProcedureIsOpen()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Operator, "/api/boards/ldib/decisions", new
        {
            decisionId = "ldib-written",
            closesAt = DateTimeOffset.UtcNow.AddDays(7),
            motion = "The board endorses the draft strategy for consultation.",
            method = "TwoThirds",
            ballot = "Named",
            unit = "Organisation",
        }, HttpStatusCode.Created);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-written/open", null);
        var member = await api.SignedInClientAsync("ldib-member");
        var deputy = await api.SignedInClientAsync("deputy-nhs-england");

        var refused = await PostFormAsync(member, "/decisions/ldib-written", "vote", new() { ["Voter"] = "NHS England deputy", ["Choice"] = "For" });
        var voted = await PostFormAsync(deputy, "/decisions/ldib-written", "vote", new() { ["Voter"] = "NHS England deputy", ["Choice"] = "Abstain" });

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the member's account is not the deputy's");
        var page = await voted.Content.ReadAsStringAsync();
        page.Should().Contain("Decision by written procedure").And.NotContain("<option value=\"NHS England representative\">", "the deputy's account votes only as the deputy");
        page.Should().Contain("Your vote: Abstain (cast by NHS England deputy).").And.Contain("Two thirds of the votes cast are for").And.NotContain("TwoThirds<");
        TallyRegion(page).Should().Contain("1 of 6 has voted").And.Contain("NHS England (cast by NHS England deputy)");
    }

    private const string PrivateMeetingId = "2015-11-20";

    /// <summary>A meeting with one private item for decision, its agenda published and everyone present.</summary>
    private static async Task<int> PrivateItemMeetingAsync(LdibBoard ldib)
    {
        const string meeting = $"/api/boards/ldib/meetings/{PrivateMeetingId}";
        await LdibBoard.PostAsync<MeetingDetails>(ldib.Operator, "/api/boards/ldib/meetings", new { meetingId = PrivateMeetingId, startsAt = "10:00:00", endsAt = "12:00:00", location = "Wellington House" }, HttpStatusCode.Created);
        var details = await LdibBoard.PostAsync<MeetingDetails>(ldib.Operator, $"{meeting}/agenda", new { title = "Provider financial recovery", presenter = "Monitor representative", minutes = 20, purpose = "ForDecision", part = "Private" });
        await LdibBoard.PostAsync<MeetingDetails>(ldib.Operator, $"{meeting}/agenda/publish", null);
        var attendees = new[] { "NHS England representative", "Monitor representative", "Health Education England representative", "Public Health England representative", "Care Quality Commission representative" }
            .Select(name => new { name, kind = "Present" });
        (await ldib.Operator.PutAsync($"{meeting}/attendance", DecisionsApiTests.JsonBody(new { attendees }))).EnsureSuccessStatusCode();
        return details.Agenda[^1].Id;
    }

    private static Task<DecisionDetails> ProposeAsync(LdibBoard ldib, string id, BallotKind ballot) =>
        LdibBoard.PostAsync<DecisionDetails>(ldib.Operator, "/api/boards/ldib/decisions", new
        {
            decisionId = id,
            meetingId = LdibBoard.MeetingId,
            agendaItemId = ldib.ItemId,
            motion = "The intensive support teams will be hosted by NHS Improvement.",
            method = "SimpleMajority",
            ballot = ballot.ToString(),
            unit = "Organisation",
        }, HttpStatusCode.Created);

    private static Task<DecisionDetails> CastAsync(LdibBoard ldib, string decisionId, string organisation, string voter, VoteChoice choice) =>
        LdibBoard.PostAsync<DecisionDetails>(ldib.ClientFor(organisation, voter), $"/api/decisions/{decisionId}/ballots", new { voter, choice = choice.ToString() });

    /// <summary>The page's antiforgery token, as its forms carry it.</summary>
    private static async Task<string> FormTokenAsync(HttpClient client, string path) => PageForms.TokenOf(await client.GetStringAsync(path));

    /// <summary>Posts one of a page's forms as a browser would (antiforgery token, form name), following the redirect.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string form, Dictionary<string, string> fields, string? token = null)
        => await PageForms.PostWithTokenAsync(client, path, token ?? await FormTokenAsync(client, path), form, fields);

    private static string TallyRegion(string page)
    {
        var start = page.IndexOf("<div class=\"tally\"", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "the page has a tally region");
        return page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

}
