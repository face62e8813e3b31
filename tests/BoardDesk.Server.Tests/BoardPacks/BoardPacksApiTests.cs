using System.Net;
using BoardDesk.Meetings;
using BoardDesk.Server.BoardPacks;
using BoardDesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Tests.BoardPacks;

public sealed class BoardPacksApiTests
{
    private const string Meeting = "/api/boards/ldib/meetings/2015-10-23";

    [Fact]
    public async Task ShouldAnswer503NamingChromiumAndTheHtmlPack_WhenChromiumIsNotInstalled()
    {
        await using var server = await StartAsync(new Dictionary<string, string> { ["BoardDesk:ChromiumPath"] = "/nonexistent/chromium" });

        var response = await server.SendRawAsync(HttpMethod.Get, $"{Meeting}/pack.pdf?audience=full");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body.Should().Contain("PDF needs Chromium").And.Contain("install the chromium package").And.Contain($"{Meeting}/pack?audience=full");
    }

    [Fact]
    public async Task ShouldAnswer400_WhenTheAudienceIsUnknown()
    {
        await using var server = await StartAsync();

        var response = await server.SendRawAsync(HttpMethod.Get, $"{Meeting}/pack?audience=everyone");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(response)).Errors.Keys.Should().BeEquivalentTo("audience");
    }

    [ChromiumFact]
    public async Task ShouldPrintOnePagePerBreakAndCleanUp_WhenChromiumPrintsHtml()
    {
        Chromium.Require();
        // A work folder of its own: other tests may be printing at the same time in the system's temp folder.
        using var work = new TemporaryFolder();
        var printer = new ChromiumPdfPrinter(Options.Create(new ChromiumOptions { ChromiumPath = Chromium.Path, WorkFolder = work.Path }), NullLogger<ChromiumPdfPrinter>.Instance);

        var pdf = await printer.PrintAsync(
            "<!DOCTYPE html><html><body><p>One</p><p style=\"break-before: page\">Two</p><p style=\"break-before: page\">Three</p></body></html>",
            CancellationToken.None);

        PdfPages.Count(pdf).Should().Be(3);
        Directory.GetFileSystemEntries(work.Path).Should().BeEmpty("the print folder and its profile are deleted");
    }

    private static async Task<ClockedServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new ClockedServer(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero), settings: settings);
        await server.CreateSampleBoardsAsync();
        await server.PostAsync<MeetingDetails>("/api/boards/ldib/meetings", new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:00:00", location = "London" }, HttpStatusCode.Created);
        return server;
    }
}
