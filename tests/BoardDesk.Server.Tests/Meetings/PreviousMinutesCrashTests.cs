using System.Net;
using System.Net.Http.Json;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Persistence;
using BoardDesk.Server.Tests.Decisions;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Meetings;

/// <summary>
/// A meeting that records it approves the previous minutes, and whose server is killed before the earlier meeting
/// hears of it, finishes the approval after the restart without any further command.
/// </summary>
public sealed class PreviousMinutesCrashTests : IDisposable
{
    private const string Meetings = "/api/boards/ldib/meetings";
    private const string Earlier = "2016-01-15";
    private const string Approving = "2016-02-19";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldApproveTheEarlierMinutes_WhenTheServerIsKilledBetweenTheIntentAndTheApproval()
    {
        using (var server = await ServerProcess.StartAsync(_folder.Path, new Dictionary<string, string> { ["BoardDesk:Meetings:PauseAfterApprovalStarted"] = "true" }))
        {
            await server.AuthorizeAsync("ldib-secretary");
            await HoldAsync(server.Client, Earlier);
            await LdibBoard.ReadAsync<MeetingDetails>(await server.Client.PutAsJsonAsync($"{Meetings}/{Earlier}/minutes", new { items = new[] { new { agendaItemId = 1, discussion = "The chair welcomed members." } } }, JournalJson.Options));
            await ScheduleQuorateAsync(server.Client, Approving);

            var interrupted = server.Client.PostAsync($"{Meetings}/{Approving}/approve-previous-minutes", null);
            await DecisionCrashTests.WaitUntilAsync(() => Task.FromResult(server.Output.Contains("paused after recording", StringComparison.Ordinal)), "the approval to pause after its intent");

            var listed = await LdibBoard.GetAsync<MeetingDetails[]>(server.Client, Meetings);
            listed.Single(m => m.MeetingId == Approving).PreviousMinutesApproval.Should().Be(PreviousMinutesApproval.Pending, "the intent is committed before the earlier meeting is asked");
            (await LdibBoard.GetAsync<MeetingDetails>(server.Client, $"{Meetings}/{Earlier}")).Status.Should().Be(MeetingStatus.MinutesDrafted, "the kill comes before the approval");
            server.Kill();
            var answer = async () => await interrupted;
            await answer.Should().ThrowAsync<Exception>("the process died before answering");
        }

        using var restarted = await ServerProcess.StartAsync(_folder.Path);
        await restarted.AuthorizeAsync("ldib-secretary");
        MeetingDetails? approving = null;
        await DecisionCrashTests.WaitUntilAsync(
            async () => (approving = await LdibBoard.GetAsync<MeetingDetails>(restarted.Client, $"{Meetings}/{Approving}")).PreviousMinutesApproval == PreviousMinutesApproval.Approved,
            "the approval to finish after the restart");

        approving!.ApprovedMinutesOfMeetingId.Should().Be(Earlier);
        var earlier = await LdibBoard.GetAsync<MeetingDetails>(restarted.Client, $"{Meetings}/{Earlier}");
        earlier.Status.Should().Be(MeetingStatus.MinutesApproved);
        earlier.Minutes!.ApprovedAtMeetingId.Should().Be(Approving);
        var again = await LdibBoard.PostAsync<MeetingDetails>(restarted.Client, $"{Meetings}/{Approving}/approve-previous-minutes", null);
        again.ApprovedMinutesOfMeetingId.Should().Be(Earlier, "a retry after the restart is harmless");
        (await LdibBoard.GetAsync<RecordedChange[]>(restarted.Client, $"{Meetings}/{Approving}/history")).Select(c => c.Change)
            .Should().ContainSingle(c => c == "PreviousMinutesApprovalStarted").And.ContainSingle(c => c == "PreviousMinutesApproved");
        (await LdibBoard.GetAsync<RecordedChange[]>(restarted.Client, $"{Meetings}/{Earlier}/history")).Select(c => c.Change)
            .Should().ContainSingle(c => c == "MinutesApproved");
    }

    private static async Task ScheduleQuorateAsync(HttpClient client, string meetingId)
    {
        await LdibBoard.PostAsync<MeetingDetails>(client, Meetings, new { meetingId, startsAt = "10:00:00", endsAt = "12:00:00", location = "Wellington House" }, HttpStatusCode.Created);
        await LdibBoard.PostAsync<MeetingDetails>(client, $"{Meetings}/{meetingId}/agenda/publish", null);
        var attended = await LdibBoard.ReadAsync<MeetingDetails>(await client.PutAsJsonAsync($"{Meetings}/{meetingId}/attendance", new
        {
            attendees = new[] { "NHS England", "Monitor", "Health Education England", "Public Health England", "Care Quality Commission" }
                .Select(o => new { name = $"{o} representative", kind = "Present" }),
        }, JournalJson.Options));
        attended.Quorum!.Met.Should().BeTrue();
    }

    private static async Task HoldAsync(HttpClient client, string meetingId)
    {
        await ScheduleQuorateAsync(client, meetingId);
        await LdibBoard.PostAsync<MeetingDetails>(client, $"{Meetings}/{meetingId}/held", null);
    }
}
