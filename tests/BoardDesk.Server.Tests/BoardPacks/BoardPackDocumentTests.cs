using System.Net;
using BoardDesk.Meetings;
using BoardDesk.Papers;

namespace BoardDesk.Server.Tests.BoardPacks;

/// <summary>The HTML board pack as a reader opens it: a document with a main landmark and a way back, papers by title.</summary>
public sealed class BoardPackDocumentTests
{
    private const string Meeting = "/api/boards/ldib/meetings/2015-10-23";

    [Fact]
    public async Task ShouldNamePapersByTitleWithAMainLandmarkAndALinkBack_WhenThePackIsOpenedInTheBrowser()
    {
        await using var server = new ClockedServer(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero));
        await server.CreateSampleBoardsAsync();
        await server.PostAsync<MeetingDetails>("/api/boards/ldib/meetings", new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:00:00", location = "London" }, HttpStatusCode.Created);
        await server.PostAsync<PaperDetails>("/api/papers", new
        {
            id = "strategy-paper", boardId = "ldib", meetingId = "2015-10-23",
            content = new { title = "Improvement strategy", purpose = "ForDiscussion", author = "Suzie Bailey", sponsoringOrganisationId = "monitor", body = "One." },
        }, HttpStatusCode.Created);
        foreach (var step in new[] { "submit", "approve" })
        {
            await server.PostAsync<PaperDetails>($"/api/papers/strategy-paper/{step}");
        }

        var meeting = await server.PostAsync<MeetingDetails>($"{Meeting}/agenda", new
        {
            title = "National improvement strategy", presenter = "Monitor representative", minutes = 20, purpose = "ForDiscussion", part = "Public", paperId = "strategy-paper",
        });
        var item = meeting.Agenda[^1].Number;

        var pack = await server.Client.GetStringAsync($"{Meeting}/pack");
        var paper = await server.Client.GetStringAsync("/api/papers/strategy-paper/html");
        var styles = await server.Client.GetStringAsync("/board-pack.css");

        pack.Should().Contain("<main>").And.Contain("</main></body>")
            .And.Contain("<a href=\"/boards/ldib/meetings/2015-10-23\">Back to the meeting&#39;s page</a>")
            .And.Contain($"<td><a href=\"#item-{item}\">Improvement strategy</a></td>", "the agenda names the paper by its title and links to it")
            .And.Contain($"<li value=\"{item}\"><a href=\"#item-{item}\">National improvement strategy</a></li>", "the contents link to each item")
            .And.NotContain(">strategy-paper<").And.NotContain("Paper strategy-paper");
        paper.Should().Contain("<main>").And.Contain("<a href=\"/papers/strategy-paper\">Back to the paper&#39;s page</a>");
        var phone = styles.IndexOf("@media screen and (max-width: 40rem)", StringComparison.Ordinal);
        phone.Should().BePositive("the pack has rules for phone screens");
        styles[..phone].Should().NotContain("overflow-wrap: anywhere", "words in the printed and desktop agenda do not break in the middle")
            .And.Contain("@media print { nav.back { display: none; } }");
        styles[phone..].Should().Contain("overflow-wrap: anywhere", "on a phone a long word breaks rather than widening the page");
    }
}
