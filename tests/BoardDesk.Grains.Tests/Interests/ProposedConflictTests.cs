using BoardDesk.Decisions;
using BoardDesk.Grains;
using BoardDesk.Interests;
using BoardDesk.Meetings;
using BoardDesk.Organisations;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Grains.Tests.Interests;

/// <summary>
/// Standing registers matched against agenda items: the LDIB's vice-chair (NHS England's representative, account
/// ldib-member) declares interests; the items of the board's own meetings say what they concern.
/// </summary>
public sealed class ProposedConflictTests : IAsyncLifetime
{
    private const string Member = "ldib-member";
    private const string MemberName = "NHS England representative";
    private static readonly ScheduleMeeting At10 = new() { StartsAt = new TimeOnly(10, 0), EndsAt = new TimeOnly(12, 0), Location = "London" };
    private readonly TemporaryFolder _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero));
    private GrainHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await GrainHost.StartAsync(_folder.File("grains.db"), services: s => s.AddKeyedSingleton<TimeProvider>(BoardDeskClock.Key, _clock));
        await LdibSamples.CreateBoardsAsync(_host.Grains);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShouldProposeAConflictInTheMembersWords_WhenTheirInterestIsInAnOrganisationAnItemConcerns()
    {
        await Register(Member).RecordInterestAsync(Interest(InterestCategory.NonFinancialProfessional, "hee", "Member of HEE's leadership advisory group."));
        var meeting = await ScheduledAsync("2015-10-23");
        await meeting.AddAgendaItemAsync(new AddAgendaItem { Title = "Talent management", Concerns = [Organisation("nhs-england")] });
        var item = (await meeting.AddAgendaItemAsync(new AddAgendaItem { Title = "Leadership development for trainees", Concerns = [Organisation("hee")] })).Agenda[^1];

        var conflicts = await meeting.GetProposedConflictsAsync();

        item.Concerns.Should().ContainSingle().Which.Name.Should().Be("Health Education England", "the name comes from the register of organisations");
        conflicts.Should().ContainSingle();
        conflicts[0].Should().BeEquivalentTo(new
        {
            AgendaItemId = item.Id,
            ItemNumber = 6,
            PersonId = Member,
            Name = MemberName,
            InterestId = 1,
            Declared = false,
            Explanation = "You declared a non-financial professional interest in Health Education England; item 6 concerns Health Education England.",
        });
    }

    [Fact]
    public async Task ShouldProposeAConflictThroughTheMerger_WhenTheInterestIsInMonitorAndTheItemConcernsNhsImprovement()
    {
        await Register(Member).RecordInterestAsync(Interest(InterestCategory.Financial, "monitor", "Paid adviser to Monitor's provider sustainability programme."));
        await _host.Grains.GetGrain<IOrganisationChangeGrain>("merger").MergeAsync(new MergeOrganisations(["monitor", "nhs-tda"], "nhs-improvement", new DateOnly(2016, 4, 1)));
        var before = await ScheduledAsync("2016-03-18");
        await before.AddAgendaItemAsync(new AddAgendaItem { Title = "NHS Improvement's operating model", Concerns = [Organisation("nhs-improvement")] });
        var after = await ScheduledAsync("2016-05-20");
        await after.AddAgendaItemAsync(new AddAgendaItem { Title = "NHS Improvement's operating model", Concerns = [Organisation("nhs-improvement")] });

        var beforeTheMerger = await before.GetProposedConflictsAsync();
        var afterTheMerger = await after.GetProposedConflictsAsync();

        beforeTheMerger.Should().BeEmpty("Monitor was not yet part of NHS Improvement on 18 March 2016");
        afterTheMerger.Should().ContainSingle().Which.Explanation.Should().Be(
            "You declared a financial interest in Monitor; item 5 concerns NHS Improvement (Monitor is now part of NHS Improvement).");
    }

    [Fact]
    public async Task ShouldNotProposeAConflict_WhenTheInterestEndedBeforeTheMeeting()
    {
        await Register(Member).RecordInterestAsync(Interest(InterestCategory.Financial, "hee", "Consultancy for HEE.") with { To = new DateOnly(2015, 9, 30) });
        var meeting = await ScheduledAsync("2015-10-23");
        await meeting.AddAgendaItemAsync(new AddAgendaItem { Title = "Trainees", Concerns = [Organisation("hee")] });

        (await meeting.GetProposedConflictsAsync()).Should().BeEmpty();
        (await Register(Member).GetAsync()).Interests.Should().ContainSingle("an ended interest stays on record");
    }

    [Fact]
    public async Task ShouldMatchACompanyByName_WhenAnIndirectInterestNamesTheSupplierAnItemConcerns()
    {
        await Register("ldib-chair").RecordInterestAsync(new RecordInterest
        {
            Category = InterestCategory.Indirect,
            Description = "My spouse is a director of the supplier.",
            CompanyName = "Aspire Leadership Ltd",
            Role = "Spouse is a director",
            From = new DateOnly(2014, 1, 1),
        });
        var meeting = await ScheduledAsync("2015-10-23");
        await meeting.AddAgendaItemAsync(new AddAgendaItem { Title = "Coaching framework contract", Concerns = [new ItemConcern { Kind = ConcernKind.Company, Name = "aspire leadership ltd " }] });

        var conflict = (await meeting.GetProposedConflictsAsync()).Should().ContainSingle().Subject;

        conflict.Name.Should().Be("Monitor representative");
        conflict.Explanation.Should().Be("You declared an indirect interest in Aspire Leadership Ltd; item 5 concerns aspire leadership ltd.");
    }

    [Fact]
    public async Task ShouldRecuseFromTheVoteAndMinuteTheManagement_WhenTheConflictIsDeclaredAndTheChairSaysTakesNoPartInTheVote()
    {
        await Register(Member).RecordInterestAsync(Interest(InterestCategory.NonFinancialProfessional, "hee", "Member of HEE's leadership advisory group."));
        await Register("ldib-chair").RecordInterestAsync(Interest(InterestCategory.NonFinancialPersonal, "hee", "Trustee of a charity HEE funds."));
        var meeting = await ScheduledAsync("2015-10-23");
        var item = (await meeting.AddAgendaItemAsync(new AddAgendaItem { Title = "Trainee leadership scheme", Purpose = AgendaPurpose.ForDecision, Concerns = [Organisation("hee")] })).Agenda[^1];
        await meeting.PublishAgendaAsync();
        await meeting.RecordAttendanceAsync(new RecordAttendance
        {
            Attendees = new[] { "NHS England", "NHS Trust Development Authority", "Monitor", "Health Education England", "Public Health England", "Care Quality Commission" }
                .Select(o => new Attendee { Name = $"{o} representative", Kind = AttendanceKind.Present }).ToList(),
        });
        var proposed = await meeting.GetProposedConflictsAsync();
        foreach (var conflict in proposed)
        {
            await meeting.DeclareInterestAsync(new DeclareInterest { AgendaItemId = conflict.AgendaItemId, Name = conflict.Name, Interest = conflict.Interest, PersonId = conflict.PersonId, InterestId = conflict.InterestId });
        }

        await meeting.Invoking(m => m.DeclareInterestAsync(new DeclareInterest { AgendaItemId = item.Id, Name = MemberName, Interest = "Again", PersonId = Member, InterestId = 1 }))
            .Should().ThrowAsync<ConflictException>().WithMessage("*already*");
        var declared = await meeting.GetAsync();
        var memberDeclaration = declared.Declarations.Single(d => d.PersonId == Member);
        var chairDeclaration = declared.Declarations.Single(d => d.PersonId == "ldib-chair");
        await meeting.ManageDeclarationAsync(new ManageDeclaration { DeclarationId = memberDeclaration.Id, Management = DeclarationManagement.TakesNoPartInTheVote, Note = "Took part in the discussion; did not vote." });
        await meeting.ManageDeclarationAsync(new ManageDeclaration { DeclarationId = chairDeclaration.Id, Management = DeclarationManagement.MayTakePart });
        var decision = _host.Grains.GetGrain<IDecisionGrain>("trainee-scheme");
        await decision.ProposeAsync("ldib", new ProposeDecision
        {
            MeetingId = "2015-10-23",
            AgendaItemId = item.Id,
            Motion = "The board approves the trainee leadership scheme.",
            Method = DecisionMethod.SimpleMajority,
            Ballot = BallotKind.Named,
            Unit = VotingUnit.Representative,
        });

        var opened = await decision.OpenAsync();

        proposed.Select(p => p.PersonId).Should().BeEquivalentTo([Member, "ldib-chair"]);
        (await meeting.GetProposedConflictsAsync()).Should().OnlyContain(c => c.Declared, "both were declared with one call each");
        opened.Recused.Should().Equal(MemberName);
        await decision.Invoking(d => d.CastBallotAsync(new CastBallot(MemberName, VoteChoice.For)))
            .Should().ThrowAsync<RuleViolationException>().WithMessage("*recused*");
        (await decision.CastBallotAsync(new CastBallot("Monitor representative", VoteChoice.For))).Should().NotBeNull("the chair may take part");
        _clock.Now = UkTime.At(new DateOnly(2015, 10, 23), new TimeOnly(12, 0));
        await meeting.MarkHeldAsync();
        var minuted = await meeting.DraftMinutesAsync(new DraftMinutes { Items = [new() { AgendaItemId = item.Id, Discussion = "The scheme was discussed." }] });
        var minute = minuted.Minutes!.Items.Single(i => i.AgendaItemId == item.Id);
        minute.Declarations.Select(d => (d.Name, d.Management, d.Action)).Should().BeEquivalentTo([
            (MemberName, (DeclarationManagement?)DeclarationManagement.TakesNoPartInTheVote, "Took part in the discussion; did not vote."),
            ("Monitor representative", (DeclarationManagement?)DeclarationManagement.MayTakePart, ""),
        ]);
        minuted.Minutes.Items.Where(i => i.AgendaItemId != item.Id).Should().OnlyContain(i => i.Declarations.Count == 0);
    }

    [Fact]
    public async Task ShouldRefuseAndChangeNothing_WhenAConcernOrAManagementDecisionIsInvalid()
    {
        var meeting = await ScheduledAsync("2015-10-23");
        var before = await meeting.GetAsync();

        var unknown = await meeting.Invoking(m => m.AddAgendaItemAsync(new AddAgendaItem { Title = "X", Concerns = [Organisation("no-such-body")] })).Should().ThrowAsync<ValidationException>();
        var unnamed = await meeting.Invoking(m => m.SetConcernsAsync(1, [new ItemConcern { Kind = ConcernKind.Company, Name = " " }])).Should().ThrowAsync<ValidationException>();
        await meeting.Invoking(m => m.ManageDeclarationAsync(new ManageDeclaration { DeclarationId = 1, Management = DeclarationManagement.LeavesTheRoom }))
            .Should().ThrowAsync<RuleViolationException>().WithMessage("Cannot record how a declaration is managed: the meeting is planned*");

        unknown.Which.Errors.Should().ContainKey("concerns[0].id");
        unnamed.Which.Errors.Should().ContainKey("concerns[0].name");
        (await meeting.GetAsync()).Should().BeEquivalentTo(before);
    }

    private static RecordInterest Interest(InterestCategory category, string organisationId, string description) => new()
    {
        Category = category,
        Description = description,
        OrganisationId = organisationId,
        Role = "Adviser",
        From = new DateOnly(2015, 4, 1),
    };

    private static ItemConcern Organisation(string id) => new() { Kind = ConcernKind.Organisation, Id = id };

    private IInterestRegisterGrain Register(string personId) => _host.Grains.GetGrain<IInterestRegisterGrain>(personId);

    private async Task<IMeetingGrain> ScheduledAsync(string id)
    {
        var meeting = _host.Grains.GetGrain<IMeetingGrain>($"ldib/{id}");
        await meeting.ScheduleAsync(At10);
        return meeting;
    }
}
