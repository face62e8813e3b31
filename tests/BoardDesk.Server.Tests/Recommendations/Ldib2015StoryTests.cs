using BoardDesk.Organisations;
using BoardDesk.Recommendations;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Recommendations;

/// <summary>The 2015 machinery-of-government story (seeds 000 and 002) replayed through the API.</summary>
public sealed class Ldib2015StoryTests(ReplayedStory story) : IClassFixture<ReplayedStory>, IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private static readonly DateOnly Merger = new(2016, 4, 1);

    // Every sample recommendation with its response (seeds 001, 002, 003) and its lead owner once the story has
    // been replayed; null where the seeds name no owner.
    private static readonly (string Id, GovernmentResponse Response, string? Owner, string? OwnerName)[] Expected =
    [
        ("messenger-2022/1", GovernmentResponse.AcceptedInFull, null, null),
        ("messenger-2022/2", GovernmentResponse.AcceptedInFull, null, null),
        ("messenger-2022/3", GovernmentResponse.AcceptedInFull, null, null),
        ("messenger-2022/4", GovernmentResponse.AcceptedInFull, null, null),
        ("messenger-2022/5", GovernmentResponse.AcceptedInFull, null, null),
        ("messenger-2022/6", GovernmentResponse.AcceptedInFull, null, null),
        ("messenger-2022/7", GovernmentResponse.AcceptedInFull, null, null),
        ("rose-2015/1", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/2", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/3", GovernmentResponse.AcceptedInPrinciple, "hee", "Health Education England"),
        ("rose-2015/4", GovernmentResponse.AcceptedInPrinciple, "hee", "Health Education England"),
        ("rose-2015/5", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/6", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/7", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/8", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/9", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/10", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/11", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/12", GovernmentResponse.AcceptedInPrinciple, "dh", "Department of Health"),
        ("rose-2015/13", GovernmentResponse.AcceptedInPrinciple, "hscic", "Health and Social Care Information Centre"),
        ("rose-2015/14", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/15", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("rose-2015/16", GovernmentResponse.AcceptedInPrinciple, null, null),
        ("smith-2015/1", GovernmentResponse.AcceptedInFull, "nhs-improvement", "NHS Improvement"),
        ("smith-2015/2", GovernmentResponse.AcceptedInFull, "nhs-improvement", "NHS Improvement"),
        ("smith-2015/3", GovernmentResponse.AcceptedInFull, "dh", "Department of Health"),
        ("smith-2015/4", GovernmentResponse.AcceptedInFull, null, null),
        ("smith-2015/5", GovernmentResponse.AcceptedInFull, null, null),
        ("smith-2015/6", GovernmentResponse.AcceptedInPart, "nhs-improvement", "NHS Improvement"),
        ("smith-2015/7", GovernmentResponse.NotAccepted, "ahsns", "Academic health science networks"),
        ("smith-2015/8", GovernmentResponse.ForFutureDiscussion, "nhs-england", "NHS England"),
        ("smith-2015/9", GovernmentResponse.AcceptedInPart, "nhs-improvement", "NHS Improvement"),
        ("smith-2015/10", GovernmentResponse.AcceptedInFull, "nhs-england", "NHS England"),
        ("smith-2015/11", GovernmentResponse.AcceptedInFull, "strategic-clinical-networks", "Clinical networks"),
        ("smith-2015/12", GovernmentResponse.AcceptedInPart, "hee", "Health Education England"),
        ("smith-2015/13", GovernmentResponse.AcceptedInPart, "nhs-leadership-academy", "NHS Leadership Academy"),
        ("smith-2015/14", GovernmentResponse.AcceptedInFull, "nhs-leadership-academy", "NHS Leadership Academy"),
        ("smith-2015/15", GovernmentResponse.ForFutureDiscussion, null, null),
        ("smith-2015/16", GovernmentResponse.ForFutureDiscussion, "hee", "Health Education England"),
    ];

    public void Dispose() => _folder.Dispose();

    /// <summary>The settings of a server that replays the story on its first start, as a fresh install does.</summary>
    internal static readonly IReadOnlyDictionary<string, string?> Story = new Dictionary<string, string?> { ["BoardDesk:LoadSamples"] = "story" };

    [Fact]
    public async Task ShouldAnswerOwnersAndLineageFromTheReplayedHistory_WhenAFreshServerLoadsTheStory()
    {
        var anonymous = story.Api.CreateClient();

        // The README's first link: NHS Improvement's register lists what it inherited and what it was given.
        var register = await anonymous.GetOkAsync<RegisterPage>("/api/recommendations?owner=nhs-improvement");
        register.Items.Select(i => i.Recommendation.Id).Should().Equal("smith-2015/1", "smith-2015/2", "smith-2015/6", "smith-2015/9", "smith-2015/13");
        register.Items.Where(i => i.Recommendation.Id is "smith-2015/1" or "smith-2015/2" or "smith-2015/6").Should().OnlyContain(i => i.CurrentLeadOwner!.Inherited);

        // Smith 9: the NHS Leadership Academy on 1 September 2015, NHS Improvement now, by the decision of 23 October 2015.
        var before = await anonymous.GetOkAsync<OwnershipOnDate>("/api/reviews/smith-2015/recommendations/9/owners?on=2015-09-01");
        before.LeadOwner.Should().Be(new ResolvedOwner("nhs-leadership-academy", "NHS Leadership Academy", false));
        var now = await anonymous.GetOkAsync<RegisterEntry>("/api/reviews/smith-2015/recommendations/9");
        now.CurrentLeadOwner.Should().Be(new ResolvedOwner("nhs-improvement", "NHS Improvement", false));
        now.Recommendation.OwnerHistory.Select(o => (o.Lead?.OrganisationId, o.EffectiveOn, o.DecisionId))
            .Should().Equal(("nhs-leadership-academy", new DateOnly(2015, 7, 1), (string?)null), ("nhs-improvement", new DateOnly(2015, 11, 1), "ldib-2015-10-23-item-6"));
        var smith9 = await anonymous.GetOkAsync<BoardDesk.Grains.RecordedChange[]>("/api/reviews/smith-2015/recommendations/9/history");
        smith9.SkipLast(1).Should().OnlyContain(c => BoardDesk.UkTime.DateOf(c.RecordedAt) == new DateOnly(2015, 7, 1), "the review was loaded on its publication");
        BoardDesk.UkTime.DateOf(smith9[^1].RecordedAt).Should().Be(new DateOnly(2015, 10, 23), "the board's decision changed the owner at its meeting");

        // Monitor merged into NHS Improvement on 1 April 2016, journaled on that day; its register answers by date.
        var monitor = await anonymous.GetOkAsync<OrganisationDetails>("/api/organisations/monitor");
        monitor.Status.Should().Be(OrganisationStatus.Merged);
        monitor.MergedInto.Should().Be("nhs-improvement");
        monitor.StatusEffectiveOn.Should().Be(Merger);
        var history = await anonymous.GetOkAsync<OrganisationHistoryEntry[]>("/api/organisations/monitor/history");
        history.Select(h => (h.Type, BoardDesk.UkTime.DateOf(h.RecordedAt))).Should().StartWith(("OrganisationCreated", new DateOnly(2015, 7, 1)))
            .And.Contain(("OrganisationMerged", Merger));
        var smith1 = await anonymous.GetOkAsync<OwnershipOnDate>("/api/reviews/smith-2015/recommendations/1/owners?on=2015-09-01");
        smith1.LeadOwner.Should().Be(new ResolvedOwner("monitor", "Monitor", false));

        // The other changes of seed 000 on their dates: NHS IQ's teams shared out, the Leadership Academy at HEE, clinical networks.
        var improvement = await anonymous.GetOkAsync<OrganisationDetails>("/api/organisations/nhs-improvement");
        improvement.Predecessors.Select(p => (p.OrganisationId, p.Reason)).Should().Contain(new[]
        {
            ("monitor", LineageReason.Merger), ("nhs-tda", LineageReason.Merger), ("nhs-iq", LineageReason.Cessation),
        });
        improvement.Functions.Select(f => f.Name).Should().BeEquivalentTo("Intensive support teams", "Talent management");
        (await anonymous.GetOkAsync<OrganisationDetails>("/api/organisations/hee")).Functions.Select(f => f.Name).Should().Equal("NHS Leadership Academy");
        (await anonymous.GetOkAsync<OrganisationDetails>("/api/organisations/nhs-iq")).StatusEffectiveOn.Should().Be(new DateOnly(2016, 3, 31));
        (await anonymous.GetOkAsync<OrganisationDetails>("/api/organisations/strategic-clinical-networks")).Name.Should().Be("Clinical networks");
        var smith12 = await anonymous.GetOkAsync<OwnershipOnDate>("/api/reviews/smith-2015/recommendations/12/owners?on=2015-09-01");
        smith12.LeadOwner!.OrganisationId.Should().Be("nhs-england");
        (await anonymous.GetOkAsync<RegisterEntry>("/api/reviews/smith-2015/recommendations/12")).CurrentLeadOwner!.OrganisationId.Should().Be("hee");
    }

    [Fact]
    public async Task ShouldProposeTheChairsConflictOnTheNildsItem_WhenTheStoryIsReplayedWithTheSampleInterests()
    {
        // The chair's invented indirect interest in Health Education England (interests.json) meets item 5 of
        // 23 October 2015, the NILDS paper, which concerns its sponsor Monitor, the NHS Leadership Academy and HEE.
        var chair = await story.Api.SignedInClientAsync("ldib-chair");

        var meeting = await chair.GetOkAsync<BoardDesk.Meetings.MeetingDetails>("/api/boards/ldib/meetings/2015-10-23");
        var nilds = meeting.Agenda.Single(i => i.PaperId == "nilds-ldib-2015-10");
        nilds.Concerns.Select(c => c.Name).Should().Equal("Monitor", "NHS Leadership Academy", "Health Education England");
        var conflicts = await chair.GetOkAsync<BoardDesk.Interests.ProposedConflict[]>("/api/boards/ldib/meetings/2015-10-23/proposed-conflicts");

        var conflict = conflicts.Should().ContainSingle().Subject;
        conflict.AgendaItemId.Should().Be(nilds.Id);
        conflict.PersonId.Should().Be("ldib-chair");
        conflict.Concern.Should().Be("Health Education England");
        conflict.Category.Should().Be(BoardDesk.Interests.InterestCategory.Indirect);
        conflict.Explanation.Should().Be($"You declared an indirect interest in Health Education England; item {nilds.Number} concerns Health Education England.");
    }

    [Fact]
    public async Task ShouldRecordTheChairsDecisionOnEachDeclaration_WhenTheStoryIsReplayed()
    {
        var secretary = await story.Api.SignedInClientAsync("ldib-secretary");

        var october = await secretary.GetOkAsync<BoardDesk.Meetings.MeetingDetails>("/api/boards/ldib/meetings/2015-10-23");
        var december = await secretary.GetOkAsync<BoardDesk.Meetings.MeetingDetails>("/api/boards/ldib/meetings/2015-12-11");

        october.Declarations.Should().ContainSingle().Which.Should().Match<BoardDesk.Meetings.Declaration>(d =>
            d.Management == BoardDesk.Meetings.DeclarationManagement.MayTakePart && d.ManagedBy == "ldib-chair" && !d.Recuses);
        december.Declarations.Should().ContainSingle().Which.Should().Match<BoardDesk.Meetings.Declaration>(d =>
            d.Management == BoardDesk.Meetings.DeclarationManagement.TakesNoPartInTheVote && d.Recuses);
    }

    [Fact]
    public async Task ShouldShowEveryRecommendationWithItsResponseAndCurrentOwner_WhenThe2015StoryIsReplayed()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        await ReplayStoryAsync(client);

        var register = await client.GetOkAsync<RegisterPage>("/api/recommendations?pageSize=500");
        register.Total.Should().Be(Expected.Length);
        register.Items.Select(i => (i.Recommendation.Id, i.Recommendation.Response!.Value, i.CurrentLeadOwner?.OrganisationId, i.CurrentLeadOwner?.Name))
            .Should().BeEquivalentTo(Expected);
        register.CountsByResponse.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["AcceptedInFull"] = 15,
            ["AcceptedInPart"] = 4,
            ["ForFutureDiscussion"] = 3,
            ["NotAccepted"] = 1,
            ["AcceptedInPrinciple"] = 16,
        });
        register.Items.Single(i => i.Recommendation.Id == "smith-2015/1").Recommendation.LeadOwner.Should().Be(new OwnerRef("monitor"), "the original owner stays on record");
    }

    [Fact]
    public async Task ShouldListInheritedRecommendationsInTheSuccessorsRegister_WhenItsPredecessorsMerged()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        await ReplayStoryAsync(client);

        var inherited = await client.GetOkAsync<RegisterPage>("/api/recommendations?owner=nhs-improvement");
        inherited.Items.Select(i => i.Recommendation.Id).Should().Equal("smith-2015/1", "smith-2015/2", "smith-2015/6", "smith-2015/9");
        inherited.Items.Where(i => i.Recommendation.Id != "smith-2015/9").Should().OnlyContain(i => i.CurrentLeadOwner!.Inherited);
        var recorded = await client.GetOkAsync<RegisterPage>("/api/recommendations?owner=nhs-improvement&inherited=false");
        recorded.Items.Select(i => i.Recommendation.Id).Should().Equal("smith-2015/9");
        var monitor = await client.GetOkAsync<RegisterPage>("/api/recommendations?owner=monitor&inherited=false");
        monitor.Items.Select(i => i.Recommendation.Id).Should().Equal("smith-2015/1", "smith-2015/2");
    }

    [Fact]
    public async Task ShouldAnswerWhoOwnedARecommendationOnADate_WhenOwnersAndOrganisationsChangedSince()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        await ReplayStoryAsync(client);

        var smith9Before = await client.GetOkAsync<OwnershipOnDate>("/api/reviews/smith-2015/recommendations/9/owners?on=2015-09-01");
        smith9Before.LeadOwner.Should().Be(new ResolvedOwner("nhs-leadership-academy", "NHS Leadership Academy", false));
        var smith9Now = await client.GetOkAsync<RegisterEntry>("/api/reviews/smith-2015/recommendations/9");
        smith9Now.CurrentLeadOwner.Should().Be(new ResolvedOwner("nhs-improvement", "NHS Improvement", false));
        smith9Now.Recommendation.OriginalLeadOwner.Should().Be(new OwnerRef("nhs-leadership-academy"));

        var smith1BeforeMerger = await client.GetOkAsync<OwnershipOnDate>("/api/reviews/smith-2015/recommendations/1/owners?on=2015-09-01");
        smith1BeforeMerger.LeadOwner.Should().Be(new ResolvedOwner("monitor", "Monitor", false));
        var smith1AfterMerger = await client.GetOkAsync<OwnershipOnDate>("/api/reviews/smith-2015/recommendations/1/owners?on=2016-06-01");
        smith1AfterMerger.LeadOwner.Should().Be(new ResolvedOwner("nhs-improvement", "NHS Improvement", true));

        var smith11BeforeRename = await client.GetOkAsync<OwnershipOnDate>("/api/reviews/smith-2015/recommendations/11/owners?on=2015-09-01");
        smith11BeforeRename.LeadOwner!.Name.Should().Be("Strategic clinical networks");
        var smith12BeforeTransfer = await client.GetOkAsync<OwnershipOnDate>("/api/reviews/smith-2015/recommendations/12/owners?on=2015-09-01");
        smith12BeforeTransfer.LeadOwner!.OrganisationId.Should().Be("nhs-england");
    }

    [Fact]
    public async Task ShouldRecordLineageOnEveryOrganisationInvolved_WhenThe2015StoryIsReplayed()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        await ReplayStoryAsync(client);

        var monitor = await client.GetOkAsync<OrganisationDetails>("/api/organisations/monitor");
        monitor.Status.Should().Be(OrganisationStatus.Merged);
        monitor.MergedInto.Should().Be("nhs-improvement");
        monitor.StatusEffectiveOn.Should().Be(Merger);
        var improvement = await client.GetOkAsync<OrganisationDetails>("/api/organisations/nhs-improvement");
        improvement.Predecessors.Select(p => (p.OrganisationId, p.Reason)).Should().BeEquivalentTo(new[]
        {
            ("monitor", LineageReason.Merger), ("nhs-tda", LineageReason.Merger), ("nhs-iq", LineageReason.Cessation),
        });
        improvement.Functions.Select(f => f.Name).Should().Equal("Intensive support teams");
        var hee = await client.GetOkAsync<OrganisationDetails>("/api/organisations/hee");
        hee.Functions.Select(f => f.Name).Should().Equal("NHS Leadership Academy");
        var england = await client.GetOkAsync<OrganisationDetails>("/api/organisations/nhs-england");
        england.Functions.Select(f => f.Name).Should().Equal("NHS Interim Management and Support");
        var iq = await client.GetOkAsync<OrganisationDetails>("/api/organisations/nhs-iq");
        iq.Status.Should().Be(OrganisationStatus.Ceased);
        iq.Functions.Should().BeEmpty();
        var formerName = await client.GetOkAsync<OrganisationDetails[]>("/api/organisations?name=strategic%20clinical");
        formerName.Select(o => o.Id).Should().Equal("strategic-clinical-networks");
        formerName[0].Name.Should().Be("Clinical networks");
        formerName[0].Status.Should().Be(OrganisationStatus.Renamed);
        var host = await client.GetOkAsync<OrganisationDetails[]>("/api/organisations?function=NHS%20Leadership%20Academy");
        host.Select(o => o.Id).Should().Equal("hee");
    }

    /// <summary>The changes of seeds 000 and 002, each as one command through the API.</summary>
    /// <param name="client">Makes the machinery-of-government changes.</param>
    /// <param name="secretariat">Records Smith 9's new owner, as the secretariat of a board tracking the review; <paramref name="client"/> when null.</param>
    internal static async Task ReplayStoryAsync(HttpClient client, HttpClient? secretariat = null)
    {
        await client.PostOkAsync<OrganisationChangeDetails>("/api/organisations/merge", new { sourceIds = new[] { "monitor", "nhs-tda" }, targetId = "nhs-improvement", effectiveOn = Merger });
        await client.PostOkAsync<OrganisationChangeDetails>("/api/organisations/nhs-england/transfer-function", new { function = "NHS Leadership Academy", toId = "hee", effectiveOn = Merger });
        await client.PostOkAsync<OrganisationChangeDetails>("/api/organisations/nhs-iq/cease", new
        {
            effectiveOn = new DateOnly(2016, 3, 31),
            functionSuccessors = new[]
            {
                new FunctionSuccessor("Intensive support teams", "nhs-improvement"),
                new FunctionSuccessor("NHS Interim Management and Support", "nhs-england"),
            },
            successorId = "nhs-improvement",
        });
        await client.PostOkAsync<OrganisationChangeDetails>("/api/organisations/strategic-clinical-networks/rename", new { name = "Clinical networks", effectiveOn = new DateOnly(2015, 10, 1) });
        await (secretariat ?? client).PostOkAsync<RecommendationDetails>("/api/reviews/smith-2015/recommendations/9/owners", new { leadOwner = new OwnerRef("nhs-improvement"), effectiveOn = new DateOnly(2015, 11, 1) });
    }
}
