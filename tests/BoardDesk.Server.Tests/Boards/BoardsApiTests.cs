using System.Net;
using BoardDesk.Boards;

namespace BoardDesk.Server.Tests.Boards;

public sealed class BoardsApiTests
{
    private static readonly DateTimeOffset October2015 = new(2015, 10, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ShouldListTheLdibAndTheNqb_WhenTheServerLoadsItsSamples()
    {
        await using var server = new ClockedServer(October2015, loadSamples: true);

        var boards = await server.GetAsync<BoardDetails[]>("/api/boards");

        boards.Select(b => b.Id).Should().BeEquivalentTo(["ldib", "nqb"]);
        boards.Single(b => b.Id == "ldib").MemberOrganisations.Should().HaveCount(7, "the six national organisations and the Department of Health");
    }

    [Fact]
    public async Task ShouldAnswer400WithEveryFieldAndWriteNothing_WhenTheBoardIsInvalid()
    {
        await using var server = new ClockedServer(October2015);
        await server.CreateSampleBoardsAsync();
        var events = await server.CountEventsAsync();

        var response = await server.SendRawAsync(HttpMethod.Post, "/api/boards", new
        {
            id = "Not A Slug",
            name = "A board",
            members = new[] { new { organisationId = "monitor", name = "Chair", office = "Chair" } },
        });
        var invalid = await server.SendRawAsync(HttpMethod.Post, "/api/boards", new
        {
            id = "board",
            name = "",
            members = new[] { new { organisationId = "nowhere", name = "Someone", office = "Member" } },
            paperDeadlineDays = 99,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(response)).Errors.Keys.Should().BeEquivalentTo("id");
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(invalid)).Errors.Keys.Should().BeEquivalentTo("name", "members[0].organisationId", "members", "quorum.minimumOrganisations", "paperDeadlineDays");
        (await server.CountEventsAsync()).Should().Be(events);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"id\":\"x\"}")]
    [InlineData("{\"id\":\"x\",\"name\":\"X\",\"members\":[{\"organisationId\":\"monitor\",\"name\":\"A\",\"office\":\"Emperor\"}]}")]
    public async Task ShouldAnswer400_WhenTheBodyIsNotABoard(string body)
    {
        await using var server = new ClockedServer(October2015);

        var response = await server.SendRawAsync(HttpMethod.Post, "/api/boards", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task ShouldAnswer404_WhenTheBoardDoesNotExist()
    {
        await using var server = new ClockedServer(October2015);

        (await server.SendRawAsync(HttpMethod.Get, "/api/boards/nowhere")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.SendRawAsync(HttpMethod.Get, "/api/boards/nowhere/calendar.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.SendRawAsync(HttpMethod.Get, "/api/boards/nowhere/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
