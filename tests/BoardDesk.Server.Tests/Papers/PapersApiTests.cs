using System.Net;
using BoardDesk.Meetings;
using BoardDesk.Papers;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Papers;

public sealed class PapersApiTests
{
    private const string Paper = "/api/papers/annual-plan";

    [Fact]
    public async Task ShouldAnswer400WithEveryFieldAndWriteNothing_WhenThePaperIsInvalid()
    {
        await using var server = await StartAsync();
        var events = await server.CountEventsAsync();

        var response = await server.SendRawAsync(HttpMethod.Post, "/api/papers", new
        {
            id = "annual-plan",
            boardId = "nowhere",
            content = new { title = "", author = "A", sponsoringOrganisationId = "Monitor", references = new[] { "" } },
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(response)).Errors.Keys.Should().BeEquivalentTo("boardId", "content.title", "content.sponsoringOrganisationId", "content.references[0]");
        (await server.CountEventsAsync()).Should().Be(events);
        (await server.SendRawAsync(HttpMethod.Get, Paper)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ShouldAnswer409AndChangeNothing_WhenTheWorkflowIsSkippedOrWithdrawalHasNoReason()
    {
        await using var server = await StartAsync();
        await CreateAsync(server);
        var events = await server.CountEventsAsync();

        var approve = await server.SendRawAsync(HttpMethod.Post, $"{Paper}/approve");
        var submit = await server.SendRawAsync(HttpMethod.Post, $"{Paper}/submit");
        var withdraw = await server.SendRawAsync(HttpMethod.Post, $"{Paper}/withdraw", new { reason = " " });
        var compare = await server.SendRawAsync(HttpMethod.Get, $"{Paper}/compare?from=1&to=9");
        var compareBad = await server.SendRawAsync(HttpMethod.Get, $"{Paper}/compare?from=one&to=2");

        approve.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await approve.Content.ReadAsStringAsync()).Should().Contain("the paper is a draft");
        submit.StatusCode.Should().Be(HttpStatusCode.Conflict, "the paper names no meeting");
        withdraw.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        compare.StatusCode.Should().Be(HttpStatusCode.NotFound);
        compareBad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await server.CountEventsAsync()).Should().Be(events);
    }

    [Fact]
    public async Task ShouldServeAttachmentsAsDownloadsThatCannotRun_WhenAFileIsAttached()
    {
        await using var server = await StartAsync();
        await CreateAsync(server);
        var html = "<script>alert(1)</script>"u8.ToArray();

        var details = await server.PostAsync<PaperDetails>($"{Paper}/attachments", new { fileName = "annex.html", contentType = "text/html", content = html });
        var download = await server.SendRawAsync(HttpMethod.Get, $"{Paper}/attachments/{details.Attachments.Single().Id}");
        var tooMany = await server.SendRawAsync(HttpMethod.Post, $"{Paper}/attachments", new { fileName = "x.bin", contentType = "not a type", content = Array.Empty<byte>() });

        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(html);
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        tooMany.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(tooMany)).Errors.Keys.Should().BeEquivalentTo("contentType", "content");
    }

    [Fact]
    public async Task ShouldRenderThePaperWithoutScript_WhenItsBodyTriesToInjectOne()
    {
        await using var server = await StartAsync();
        var content = new PaperFaker().Generate() with { Body = "1. Fine.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))" };
        await server.PostAsync<PaperDetails>("/api/papers", new { id = "annual-plan", boardId = "ldib", content }, HttpStatusCode.Created);

        var page = await server.Client.GetStringAsync($"{Paper}/html");

        page.Should().NotContain("<script").And.NotContain("javascript:");
        page.Should().Contain("Content-Security-Policy");
    }

    private static async Task CreateAsync(ClockedServer server) =>
        await server.PostAsync<PaperDetails>("/api/papers", new { id = "annual-plan", boardId = "ldib", content = new PaperFaker().Generate() with { Purpose = AgendaPurpose.ForDecision } }, HttpStatusCode.Created);

    private static async Task<ClockedServer> StartAsync()
    {
        var server = new ClockedServer(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero));
        await server.CreateSampleBoardsAsync();
        return server;
    }
}
