using System.Net;
using System.Text.RegularExpressions;
using BoardDesk.Meetings;
using BoardDesk.Papers;
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

    [ChromiumFact]
    public async Task ShouldListEachItemWithThePageItsPaperStartsOn_WhenThePackIsPrinted()
    {
        Chromium.Require();
        await using var server = await StartAsync();
        // A long paper first, so that the second starts pages later than it would by counting items.
        var longBody = string.Join("\n\n", Enumerable.Range(1, 60).Select(i =>
            $"{i}. The board considers how improvement and leadership development capability is built across the system, paragraph {i}."));
        var items = new[]
        {
            (Item: "National improvement and leadership strategy", Paper: "Developing the national strategy", Id: "strategy-paper", Body: longBody),
            (Item: "Talent management", Paper: "Succession planning for senior leaders", Id: "talent-paper", Body: "1. A short paper."),
        };
        foreach (var (item, paper, id, body) in items)
        {
            await server.PostAsync<PaperDetails>("/api/papers", new
            {
                id, boardId = "ldib", meetingId = "2015-10-23",
                content = new { title = paper, purpose = "ForDiscussion", author = "Suzie Bailey", sponsoringOrganisationId = "monitor", body },
            }, HttpStatusCode.Created);
            foreach (var step in new[] { "submit", "approve" })
            {
                await server.PostAsync<PaperDetails>($"/api/papers/{id}/{step}");
            }

            await server.PostAsync<MeetingDetails>($"{Meeting}/agenda", new { title = item, presenter = "Monitor representative", minutes = 20, purpose = "ForDiscussion", part = "Public", paperId = id });
        }

        var pdf = await server.Client.GetByteArrayAsync($"{Meeting}/pack.pdf");

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => Squeezed(p.Text)).ToList();
        // The contents by words: squeezed, a page number would run into the next item's list number.
        var contents = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)).ToUpperInvariant();
        var starts = new List<int>();
        foreach (var (item, paper, _, _) in items)
        {
            var listed = Regex.Match(contents, Regex.Escape(item.ToUpperInvariant()) + "\\s*·\\s*PAGE\\s+(\\d+)(?!\\S)");
            listed.Success.Should().BeTrue($"the contents list \"{item}\" with a page number: {contents}");
            var page = int.Parse(listed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            // The paper's heading is on that page; the agenda (page 2) names papers too, so look after it.
            var heading = pages.FindIndex(2, p => p.Contains(Squeezed(paper), StringComparison.Ordinal)) + 1;
            page.Should().Be(heading, $"\"{paper}\" starts on the page the contents give for \"{item}\"");
            starts.Add(page);
        }

        starts[1].Should().BeGreaterThan(starts[0] + 1, "the long paper takes more than one page");
    }

    /// <summary>PDF text without white space and in capitals, as the pack prints labels.</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    private static async Task<ClockedServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new ClockedServer(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero), settings: settings);
        await server.CreateSampleBoardsAsync();
        await server.PostAsync<MeetingDetails>("/api/boards/ldib/meetings", new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:00:00", location = "London" }, HttpStatusCode.Created);
        return server;
    }
}
