using System.Net;
using BoardDesk.Meetings;

namespace BoardDesk.Server.Tests.Meetings;

public sealed class MeetingsApiTests
{
    private const string Meetings = "/api/boards/ldib/meetings";
    private const string Meeting = "/api/boards/ldib/meetings/2015-10-23";

    [Theory]
    [InlineData("{\"meetingId\":\"october\",\"startsAt\":\"10:00:00\",\"endsAt\":\"12:00:00\",\"location\":\"London\"}", "meetingId")]
    [InlineData("{\"meetingId\":\"2015-10-23\",\"startsAt\":\"12:00:00\",\"endsAt\":\"10:00:00\",\"location\":\"London\"}", "endsAt")]
    [InlineData("{\"meetingId\":\"2015-10-23\",\"startsAt\":\"10:00:00\",\"endsAt\":\"12:00:00\"}", "location")]
    [InlineData("{\"meetingId\":\"2015-10-23\",\"startsAt\":\"10:00:00\",\"endsAt\":\"12:00:00\",\"link\":\"javascript:alert(1)\"}", "link")]
    [InlineData("{\"meetingId\":\"2015-10-23\",\"startsAt\":\"ten\",\"endsAt\":\"12:00:00\",\"location\":\"London\"}", "startsAt")]
    public async Task ShouldAnswer400AndWriteNothing_WhenTheMeetingIsInvalid(string body, string field)
    {
        await using var server = await StartAsync();
        var events = await server.CountEventsAsync();

        var response = await server.SendRawAsync(HttpMethod.Post, Meetings, body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(response)).Errors.Should().ContainKey(field);
        (await server.CountEventsAsync()).Should().Be(events);
    }

    [Fact]
    public async Task ShouldAnswer404_WhenTheBoardOrMeetingDoesNotExist()
    {
        await using var server = await StartAsync();

        (await server.SendRawAsync(HttpMethod.Post, "/api/boards/nowhere/meetings", new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:00:00", location = "London" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.SendRawAsync(HttpMethod.Get, "/api/boards/ldib/meetings/2015-01-01")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.SendRawAsync(HttpMethod.Get, "/api/boards/ldib/meetings/2015-01-01/pack")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ShouldAnswer400AndWriteNothing_WhenAgendaItemsAttendanceOrDeclarationsAreInvalid()
    {
        await using var server = await StartAsync();
        await server.PostAsync<MeetingDetails>(Meetings, new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:00:00", location = "London" }, HttpStatusCode.Created);
        var events = await server.CountEventsAsync();

        var item = await server.SendRawAsync(HttpMethod.Post, $"{Meeting}/agenda", new { title = "", minutes = 0, paperId = "no-such-paper" });
        var purpose = await server.SendRawAsync(HttpMethod.Post, $"{Meeting}/agenda", "{\"title\":\"X\",\"purpose\":\"ForFun\"}");
        var move = await server.SendRawAsync(HttpMethod.Post, $"{Meeting}/agenda/1/move", new { position = 3 });
        await server.PostAsync<MeetingDetails>($"{Meeting}/agenda/publish");
        var afterPublish = await server.CountEventsAsync();
        var attendance = await server.SendRawAsync(HttpMethod.Put, $"{Meeting}/attendance", new
        {
            attendees = new object[] { new { name = "A stranger", kind = "Present" }, new { name = "", kind = "Deputy", deputyFor = "Nobody" } },
        });
        var declaration = await server.SendRawAsync(HttpMethod.Post, $"{Meeting}/declarations", new { agendaItemId = 42, name = "Someone", interest = "" });

        item.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(item)).Errors.Keys.Should().BeEquivalentTo("paperId");
        purpose.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        move.StatusCode.Should().Be(HttpStatusCode.Conflict, "a standing item keeps its place");
        afterPublish.Should().Be(events + 4, "only the publication was written, with its notice: recorded and handed over by the meeting, recorded by the outbox");
        attendance.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(attendance)).Errors.Keys.Should().BeEquivalentTo("attendees[0].name", "attendees[1].name", "attendees[1].deputyFor");
        declaration.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(declaration)).Errors.Keys.Should().BeEquivalentTo("interest", "agendaItemId");
        (await server.CountEventsAsync()).Should().Be(afterPublish);
    }

    [Fact]
    public async Task ShouldAnswer409WithTheReason_WhenTheAgendaIsChangedAfterPublicationOrTheMeetingIsCancelledTwice()
    {
        await using var server = await StartAsync();
        await server.PostAsync<MeetingDetails>(Meetings, new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:00:00", location = "London" }, HttpStatusCode.Created);
        await server.PostAsync<MeetingDetails>($"{Meeting}/agenda/publish");

        var add = await server.SendRawAsync(HttpMethod.Post, $"{Meeting}/agenda", new { title = "Late business" });
        var cancelled = await server.PostAsync<MeetingDetails>($"{Meeting}/cancel", new { reason = "Purdah" });
        var again = await server.SendRawAsync(HttpMethod.Post, $"{Meeting}/cancel", new { reason = "Again" });

        add.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await add.Content.ReadAsStringAsync()).Should().Contain("Cannot change the agenda: the meeting is agenda published");
        cancelled.Status.Should().Be(MeetingStatus.Cancelled);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await server.Client.GetStringAsync("/api/boards/ldib/calendar.ics")).Should().Contain("STATUS:CANCELLED");
    }

    [Theory]
    [InlineData("{\"items\":[null]}", "items[0]")]
    [InlineData("{\"items\":[{\"agendaItemId\":1,\"actions\":[null]}]}", "items[0].actions[0]")]
    [InlineData("{\"items\":[{\"agendaItemId\":1,\"decisions\":[null]}]}", "items[0].decisions[0]")]
    [InlineData("{\"items\":[]}", "items")]
    public async Task ShouldAnswer400AndWriteNothing_WhenDraftMinutesHaveEmptyEntries(string body, string field)
    {
        await using var server = await StartAsync();
        server.Clock.Now = new DateTimeOffset(2015, 10, 23, 9, 0, 0, TimeSpan.Zero);
        await server.PostAsync<MeetingDetails>(Meetings, new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:00:00", location = "London" }, HttpStatusCode.Created);
        await server.PostAsync<MeetingDetails>($"{Meeting}/agenda/publish");
        await server.PutAsync<MeetingDetails>($"{Meeting}/attendance", new { attendees = new[] { new { name = "NHS England representative", kind = "Present" } } });
        await server.PostAsync<MeetingDetails>($"{Meeting}/held");
        var events = await server.CountEventsAsync();

        var response = await server.SendRawAsync(HttpMethod.Put, $"{Meeting}/minutes", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(response)).Errors.Should().ContainKey(field);
        (await server.CountEventsAsync()).Should().Be(events);
    }

    private static async Task<ClockedServer> StartAsync()
    {
        var server = new ClockedServer(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero));
        await server.CreateSampleBoardsAsync();
        return server;
    }
}
