using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Grains.Tests.Meetings;

public sealed class MeetingGrainTests : IAsyncLifetime
{
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
    public async Task ShouldStartTheAgendaWithTheFourStandingItems_WhenAMeetingIsScheduled()
    {
        var meeting = await Meeting("2015-10-23").ScheduleAsync(At10);

        meeting.Date.Should().Be(new DateOnly(2015, 10, 23));
        meeting.Agenda.Select(i => (i.Number, i.Title)).Should().Equal(
            (1, "Welcome and apologies"), (2, "Declarations of interest"), (3, "Minutes of the last meeting"), (4, "Matters arising and action log"));
        meeting.Agenda[0].Presenter.Should().Be("Monitor representative", "the chair presents the opening items");
        await Meeting("2015-10-23").Invoking(m => m.RemoveAgendaItemAsync(1)).Should().ThrowAsync<RuleViolationException>().WithMessage("*standing item*");
    }

    [Theory]
    [InlineData("2015-13-01")]
    [InlineData("23-10-2015")]
    [InlineData("2015-10-23-Extra")]
    public async Task ShouldRefuse_WhenTheMeetingIdIsNotADate(string meetingId)
    {
        await Meeting(meetingId).Invoking(m => m.ScheduleAsync(At10)).Should().ThrowAsync<ValidationException>();
    }

    [Fact]
    public async Task ShouldRefuseOutOfOrderStepsAndChangeNothing_WhenTheMeetingSkipsAhead()
    {
        var meeting = Meeting("2015-10-23");
        await meeting.ScheduleAsync(At10);
        var before = await meeting.GetAsync();

        await meeting.Invoking(m => m.MarkHeldAsync()).Should().ThrowAsync<RuleViolationException>().WithMessage("Cannot mark the meeting held: the meeting is planned*");
        await meeting.Invoking(m => m.DraftMinutesAsync(new DraftMinutes { Items = [new() { AgendaItemId = 1 }] })).Should().ThrowAsync<RuleViolationException>();
        await meeting.Invoking(m => m.ApproveMinutesAsync("2015-11-20")).Should().ThrowAsync<RuleViolationException>();
        await meeting.Invoking(m => m.RecordAttendanceAsync(new RecordAttendance())).Should().ThrowAsync<RuleViolationException>();

        (await meeting.GetAsync()).Should().BeEquivalentTo(before);
        (await meeting.GetHistoryAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task ShouldRefuseDecisions_WhenTheMeetingWasNotQuorate()
    {
        var meeting = await HeldAsync("2015-10-23", "NHS England", "Monitor");

        var decide = () => meeting.DraftMinutesAsync(new DraftMinutes { Items = [new() { AgendaItemId = 1, Decisions = ["Agreed."] }] });

        (await decide.Should().ThrowAsync<RuleViolationException>()).WithMessage("The meeting was not quorate*2 member organisations represented*");
        (await meeting.DraftMinutesAsync(new DraftMinutes { Items = [new() { AgendaItemId = 1, Discussion = "Discussed only." }] })).Status.Should().Be(MeetingStatus.MinutesDrafted);
    }

    [Fact]
    public async Task ShouldApproveLockAndCarryActions_WhenTheNextMeetingApprovesTheMinutes()
    {
        var october = await HeldAsync("2015-10-23", "NHS England", "Monitor", "Health Education England", "Care Quality Commission");
        await october.DraftMinutesAsync(new DraftMinutes
        {
            Items = [new() { AgendaItemId = 1, Discussion = "Welcome.", Actions = [new() { Description = "Circulate the outline.", Owner = "Secretariat" }] }],
        });
        _clock.Now = new DateTimeOffset(2015, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var november = Meeting("2015-11-20");
        await november.ScheduleAsync(At10);

        var published = await november.PublishAgendaAsync();
        await november.Invoking(m => m.ApprovePreviousMinutesAsync()).Should().ThrowAsync<RuleViolationException>().WithMessage("*attendance first*");
        await november.RecordAttendanceAsync(Attendance("NHS England", "Monitor"));
        await november.Invoking(m => m.ApprovePreviousMinutesAsync()).Should().ThrowAsync<RuleViolationException>().WithMessage("This meeting is not quorate*");
        await november.RecordAttendanceAsync(Attendance("NHS England", "Monitor", "Health Education England", "Public Health England"));
        await october.Invoking(m => m.ApproveMinutesAsync("2015-10-01")).Should().ThrowAsync<RuleViolationException>().WithMessage("*at a later meeting*");
        var approved = await november.ApprovePreviousMinutesAsync();
        var again = await november.ApprovePreviousMinutesAsync();

        published.PreviousMeetingId.Should().Be("2015-10-23");
        published.Agenda.Single(i => i.Standing == StandingItem.MinutesOfLastMeeting).Title.Should().Be("Minutes of the last meeting (23 October 2015)");
        published.Agenda.Single(i => i.Standing == StandingItem.MattersArising).CarriedActions.Should().ContainSingle(a => a.Description == "Circulate the outline.");
        approved.ApprovedMinutesOfMeetingId.Should().Be("2015-10-23");
        again.Should().BeEquivalentTo(approved, "approving twice is harmless");
        var locked = await october.GetAsync();
        locked.Status.Should().Be(MeetingStatus.MinutesApproved);
        locked.Minutes!.Locked.Should().BeTrue();
        await october.Invoking(m => m.DraftMinutesAsync(new DraftMinutes { Items = [new() { AgendaItemId = 1, Discussion = "Changed." }] }))
            .Should().ThrowAsync<RuleViolationException>().WithMessage("*approved at the meeting of 2015-11-20 and are locked*");
        (await october.GetAsync()).Should().BeEquivalentTo(locked);
    }

    [Fact]
    public async Task ShouldRefuseToApprove_WhenThePreviousMinutesAreNotDrafted()
    {
        await HeldAsync("2015-10-23", "NHS England", "Monitor", "Health Education England", "Care Quality Commission");
        _clock.Now = new DateTimeOffset(2015, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var november = Meeting("2015-11-20");
        await november.ScheduleAsync(At10);
        await november.PublishAgendaAsync();
        await november.RecordAttendanceAsync(Attendance("NHS England", "Monitor", "Health Education England", "Public Health England"));

        await november.Invoking(m => m.ApprovePreviousMinutesAsync()).Should().ThrowAsync<RuleViolationException>().WithMessage("*minutes are approved once drafted*");
        (await november.GetAsync()).ApprovedMinutesOfMeetingId.Should().BeNull();
    }

    [Fact]
    public async Task ShouldRecordDeclarationsPerItemAndRefuseUnknownItems_WhenInterestsAreDeclared()
    {
        var meeting = Meeting("2015-10-23");
        await meeting.ScheduleAsync(At10);
        await meeting.PublishAgendaAsync();

        var declared = await meeting.DeclareInterestAsync(new DeclareInterest { AgendaItemId = 2, Name = "Monitor representative", Interest = "Sponsor of the paper." });

        declared.Declarations.Should().ContainSingle(d => d.AgendaItemId == 2 && d.Name == "Monitor representative");
        await meeting.Invoking(m => m.DeclareInterestAsync(new DeclareInterest { AgendaItemId = 99, Name = "X", Interest = "Y" }))
            .Should().ThrowAsync<ValidationException>();
    }

    private static RecordAttendance Attendance(params string[] organisationsPresent) => new()
    {
        Attendees = organisationsPresent.Select(o => new Attendee { Name = $"{o} representative", Kind = AttendanceKind.Present }).ToList(),
    };

    private IMeetingGrain Meeting(string id) => _host.Grains.GetGrain<IMeetingGrain>($"ldib/{id}");

    private async Task<IMeetingGrain> HeldAsync(string id, params string[] organisationsPresent)
    {
        var meeting = Meeting(id);
        await meeting.ScheduleAsync(At10);
        await meeting.PublishAgendaAsync();
        await meeting.RecordAttendanceAsync(Attendance(organisationsPresent));
        _clock.Now = UkTime.At(DateOnly.ParseExact(id, "yyyy-MM-dd"), new TimeOnly(12, 0));
        await meeting.MarkHeldAsync();
        return meeting;
    }
}
