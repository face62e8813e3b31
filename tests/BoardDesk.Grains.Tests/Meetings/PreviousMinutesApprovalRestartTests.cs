using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Grains.Tests.Meetings;

/// <summary>
/// The meeting of 20 November 2015 records that it approves the minutes of 23 October, and the runtime stops before
/// October hears of it. A runtime started again on the same file finishes the approval by itself, from the reminder
/// committed with the intent. December's meeting, scheduled earlier, also follows October.
/// </summary>
public sealed class PreviousMinutesApprovalRestartTests : IDisposable
{
    private const string October = "2015-10-23";
    private const string November = "2015-11-20";
    private const string December = "2015-12-18";
    private static readonly ScheduleMeeting At10 = new() { StartsAt = new TimeOnly(10, 0), EndsAt = new TimeOnly(12, 0), Location = "London" };
    private readonly TemporaryFolder _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldApproveTheEarlierMinutesWithoutARetry_WhenTheRuntimeStopsBetweenTheIntentAndTheApproval()
    {
        await CrashBetweenTheIntentAndTheApprovalAsync();

        await using var restarted = await StartAsync();
        var november = Meeting(restarted, November);
        var october = Meeting(restarted, October);
        var december = Meeting(restarted, December);
        (await november.GetAsync()).PreviousMinutesApproval.Should().Be(PreviousMinutesApproval.Pending, "the intent is recorded and the reminder not yet due");
        (await october.GetAsync()).Status.Should().Be(MeetingStatus.MinutesDrafted);
        await december.Invoking(m => m.ApprovePreviousMinutesAsync()).Should().ThrowAsync<RuleViolationException>()
            .WithMessage($"The minutes of {October} are being approved at the meeting of {November}*");

        _clock.Now += TimeSpan.FromMinutes(1);
        await WaitUntilAsync(async () => (await november.GetAsync()).PreviousMinutesApproval == PreviousMinutesApproval.Approved);

        var approved = await november.GetAsync();
        approved.ApprovedMinutesOfMeetingId.Should().Be(October);
        var locked = await october.GetAsync();
        locked.Status.Should().Be(MeetingStatus.MinutesApproved);
        locked.Minutes!.ApprovedAtMeetingId.Should().Be(November);
        (await november.ApprovePreviousMinutesAsync()).Should().BeEquivalentTo(approved, "a retry after the reminder changes nothing");
        await december.Invoking(m => m.ApprovePreviousMinutesAsync()).Should().ThrowAsync<RuleViolationException>()
            .WithMessage($"The minutes of {October} were approved at the meeting of {November}; minutes are approved once.");
        (await november.GetHistoryAsync()).Select(c => c.Change).Should().ContainSingle(c => c == "PreviousMinutesApproved");
        (await october.GetHistoryAsync()).Select(c => c.Change).Should().ContainSingle(c => c == "MinutesApproved");
        await WaitUntilAsync(async () => await restarted.ReminderCountAsync() == 0);
    }

    [Fact]
    public async Task ShouldGiveUpWithTheReason_WhenAnotherMeetingApprovedTheMinutesFirst()
    {
        await CrashBetweenTheIntentAndTheApprovalAsync();

        await using var restarted = await StartAsync();
        var november = Meeting(restarted, November);
        await Meeting(restarted, October).ApproveMinutesAsync(December);
        _clock.Now += TimeSpan.FromMinutes(1);
        await WaitUntilAsync(async () => (await november.GetAsync()).PreviousMinutesApproval == PreviousMinutesApproval.NotStarted);

        (await november.GetAsync()).ApprovedMinutesOfMeetingId.Should().BeNull();
        (await november.GetHistoryAsync()).Select(c => c.Change).Should().ContainSingle(c => c == "PreviousMinutesApprovalAbandoned");
        await november.Invoking(m => m.ApprovePreviousMinutesAsync()).Should().ThrowAsync<RuleViolationException>()
            .WithMessage($"The minutes of {October} were approved at the meeting of {December}*");
        await WaitUntilAsync(async () => await restarted.ReminderCountAsync() == 0);
    }

    private async Task CrashBetweenTheIntentAndTheApprovalAsync()
    {
        var host = await StartAsync(pauseAfterApprovalStarted: true);
        await LdibSamples.CreateBoardsAsync(host.Grains);
        var october = Meeting(host, October);
        await october.ScheduleAsync(At10);
        await october.PublishAgendaAsync();
        await october.RecordAttendanceAsync(Quorate());
        _clock.Now = new DateTimeOffset(2015, 10, 23, 12, 0, 0, TimeSpan.Zero);
        await october.MarkHeldAsync();
        await october.DraftMinutesAsync(new DraftMinutes { Items = [new() { AgendaItemId = 1, Discussion = "Welcome." }] });
        _clock.Now = new DateTimeOffset(2015, 11, 2, 9, 0, 0, TimeSpan.Zero);
        foreach (var id in new[] { December, November })
        {
            var meeting = Meeting(host, id);
            (await meeting.ScheduleAsync(At10)).PreviousMeetingId.Should().Be(October);
            await meeting.PublishAgendaAsync();
            await meeting.RecordAttendanceAsync(Quorate());
        }

        var interrupted = Meeting(host, November).ApprovePreviousMinutesAsync();
        await WaitUntilAsync(async () => (await host.ReadHistoryAsync(new JournalId("meeting", $"ldib/{November}"))).Any(e => e.Event is PreviousMinutesApprovalStarted));
        // A notice's hand-over reminder may still be waiting too (a hand-over that timed out is tried again later).
        (await host.ReminderCountAsync(MeetingGrain.ResumeApprovalReminder)).Should().Be(1, "the resume reminder is committed with the intent");
        await host.CrashAsync();
        interrupted.IsCompletedSuccessfully.Should().BeFalse("the command never answered");
    }

    private Task<GrainHost> StartAsync(bool pauseAfterApprovalStarted = false) => GrainHost.StartAsync(
        _folder.File("grains.db"),
        services: s => s.AddKeyedSingleton<TimeProvider>(BoardDeskClock.Key, _clock).Configure<MeetingOptions>(o => o.PauseAfterApprovalStarted = pauseAfterApprovalStarted));

    private static IMeetingGrain Meeting(GrainHost host, string id) => host.Grains.GetGrain<IMeetingGrain>($"ldib/{id}");

    private static RecordAttendance Quorate() => new()
    {
        Attendees = new[] { "NHS England", "Monitor", "Health Education England", "Care Quality Commission" }
            .Select(o => new Attendee { Name = $"{o} representative", Kind = AttendanceKind.Present }).ToList(),
    };

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should hold within 30 seconds");
            await Task.Delay(50);
        }
    }
}
