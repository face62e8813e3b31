using BoardDesk.Meetings;
using BoardDesk.Papers;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Grains.Tests.Meetings;

public sealed class MeetingRestartTests
{
    [Fact]
    public async Task ShouldComeBackUnchanged_WhenTheRuntimeRestartsFromSnapshotsAndJournals()
    {
        using var folder = new TemporaryFolder();
        var clock = new ManualClock(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero));
        void Services(IServiceCollection s) => s.AddKeyedSingleton<TimeProvider>(BoardDeskClock.Key, clock);
        MeetingDetails meeting;
        PaperDetails paper;
        await using (var host = await GrainHost.StartAsync(folder.File("grains.db"), o => o.SnapshotInterval = 3, Services))
        {
            await LdibSamples.CreateBoardsAsync(host.Grains);
            var october = host.Grains.GetGrain<IMeetingGrain>("ldib/2015-10-23");
            await october.ScheduleAsync(new ScheduleMeeting { StartsAt = new TimeOnly(10, 0), EndsAt = new TimeOnly(12, 0), Location = "London" });
            var nilds = host.Grains.GetGrain<IPaperGrain>("nilds");
            var content = new PaperFaker().Generate();
            await nilds.CreateAsync(new CreatePaper { BoardId = "ldib", MeetingId = "2015-10-23", Content = content });
            await nilds.ReviseAsync(new RevisePaper { Content = content with { Title = "Second" } });
            await nilds.AddAttachmentAsync(new AddAttachment { FileName = "a.txt", ContentType = "text/plain", Content = [1, 2, 3] });
            paper = await nilds.SubmitAsync();
            await october.AddAgendaItemAsync(new AddAgendaItem { Title = "NILDS", PaperId = "nilds" });
            await october.PublishAgendaAsync();
            await october.RecordAttendanceAsync(new RecordAttendance
            {
                Attendees = new[] { "NHS England", "Monitor", "Health Education England", "Care Quality Commission" }.Select(o => new Attendee { Name = $"{o} representative", Kind = AttendanceKind.Present }).ToList(),
            });
            await october.DeclareInterestAsync(new DeclareInterest { AgendaItemId = 5, Name = "Monitor representative", Interest = "Sponsor." });
            clock.Now = new DateTimeOffset(2015, 10, 23, 12, 0, 0, TimeSpan.Zero);
            await october.MarkHeldAsync();
            meeting = await october.DraftMinutesAsync(new DraftMinutes { Items = [new() { AgendaItemId = 5, Decisions = ["Agreed."], Actions = [new() { Description = "Act.", Owner = "Secretariat" }] }] });
        }

        await using var restarted = await GrainHost.StartAsync(folder.File("grains.db"), o => o.SnapshotInterval = 3, Services);

        (await restarted.Grains.GetGrain<IMeetingGrain>("ldib/2015-10-23").GetAsync()).Should().BeEquivalentTo(meeting);
        (await restarted.Grains.GetGrain<IPaperGrain>("nilds").GetAsync()).Should().BeEquivalentTo(paper);
        (await restarted.Grains.GetGrain<IPaperGrain>("nilds").GetAttachmentAsync("1")).Content.Should().Equal(1, 2, 3);
    }
}
