using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Pages;

/// <summary>
/// A secretary never types an id: papers, meetings and decisions get theirs from their words and dates, a taken one
/// with a suffix; a refused form names each field next to it and links to it from the error summary.
/// </summary>
public sealed class PagesWithoutIdsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldMakeThePapersAddressFromItsShortName_WhenTheSecretaryTypesWordsNotASlug()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        await ScheduleAsync(await api.OperatorClientAsync(), "2015-12-11");
        var secretary = await api.SignedInClientAsync("ldib-secretary");

        var first = await WritePaperAsync(secretary, "Strategy update Dec 2015", "Strategy update");
        var again = await WritePaperAsync(secretary, "Strategy update Dec 2015", "Strategy update, revised");
        var fromTitle = await WritePaperAsync(secretary, "", "Leadership & talent: an update");
        var page = await first.Content.ReadAsStringAsync();

        first.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/papers/strategy-update-dec-2015");
        again.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/papers/strategy-update-dec-2015-2", "a taken address gets the next suffix");
        fromTitle.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/papers/leadership-and-talent-an-update-2015-12", "without a short name the title and the meeting's month make it");
        page.Should().Contain(">Monitor</a>", "the sponsor is shown by name").And.NotContain(">monitor</a>")
            .And.Contain("Meeting of 11 December 2015").And.NotContain("not a lowercase slug");
    }

    [Fact]
    public async Task ShouldNameEachFieldNextToItAndLinkToItFromTheSummary_WhenThePaperFormIsRefused()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var secretary = await api.SignedInClientAsync("ldib-secretary");
        var events = await api.CountEventsAsync();

        var refused = await PostPaperFormAsync(secretary, new() { ["Input.Mode"] = "save", ["Input.Title"] = "  ", ["Input.Author"] = "Suzie Bailey" });
        var page = await refused.Content.ReadAsStringAsync();

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Should().Contain("id=\"paper-title-error\"").And.Contain("Enter the paper&#x27;s title.")
            .And.Contain("href=\"/boards/ldib/papers/new#paper-title\"", "the summary links to the field on this page, not on the home page")
            .And.Contain("href=\"/boards/ldib/papers/new#paper-sponsor\"").And.Contain("Choose the sponsoring organisation.")
            .And.Contain("aria-describedby=\"paper-title-error\"", "the field names its error")
            .And.Contain("data-error-summary");
        (await api.CountEventsAsync()).Should().Be(events, "a refused form changes nothing");
    }

    [Fact]
    public async Task ShouldPlanASecondMeetingBesideTheFirst_WhenTheBoardMeetsTwiceOnADay()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var secretary = await api.SignedInClientAsync("ldib-secretary");

        var morning = await PlanAsync(secretary, new() { ["Plan.Date"] = "2015-12-11", ["Plan.StartsAt"] = "10:00", ["Plan.EndsAt"] = "12:00", ["Plan.Location"] = "Wellington House" });
        var afternoon = await PlanAsync(secretary, new() { ["Plan.Date"] = "2015-12-11", ["Plan.StartsAt"] = "14:00", ["Plan.EndsAt"] = "15:00", ["Plan.Location"] = "Skipton House" });
        var board = await secretary.GetStringAsync("/boards/ldib");
        var paperForm = await secretary.GetStringAsync("/boards/ldib/papers/new");

        morning.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/boards/ldib/meetings/2015-12-11");
        afternoon.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/boards/ldib/meetings/2015-12-11-2");
        (await afternoon.Content.ReadAsStringAsync()).Should().Contain("14:00 to 15:00, Skipton House");
        board.Should().Contain("/boards/ldib/meetings/2015-12-11\"").And.Contain("/boards/ldib/meetings/2015-12-11-2\"");
        paperForm.Should().Contain(">11 December 2015, 10:00</option>").And.Contain(">11 December 2015, 14:00</option>", "two meetings on a day are told apart by their times");
    }

    [Fact]
    public async Task ShouldNameTheMissingDateAndTimeAndPlanNothing_WhenThePlanFormIsIncomplete()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var secretary = await api.SignedInClientAsync("ldib-secretary");
        var events = await api.CountEventsAsync();

        var refused = await PlanAsync(secretary, new() { ["Plan.Date"] = "", ["Plan.StartsAt"] = "ten", ["Plan.EndsAt"] = "12:00", ["Plan.Location"] = "Wellington House" });
        var page = await refused.Content.ReadAsStringAsync();

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Should().Contain("Enter the date of the meeting.").And.Contain("href=\"/boards/ldib#meeting-date\"")
            .And.Contain("Enter the time the meeting starts, for example 10:00.").And.Contain("href=\"/boards/ldib#meeting-start\"")
            .And.NotContain("href=\"/boards/ldib#meeting-end\"", "the end time was given");
        (await api.CountEventsAsync()).Should().Be(events);
    }

    [Fact]
    public async Task ShouldMakeIdsFromDatesAndWords_WhenTheApiIsGivenNone()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        var first = await client.PostAsJsonAsync("/api/boards/ldib/meetings", new { date = "2016-01-20", startsAt = "10:00:00", endsAt = "12:00:00", location = "London" });
        var second = await client.PostAsJsonAsync("/api/boards/ldib/meetings", new { date = "2016-01-20", startsAt = "14:00:00", endsAt = "15:00:00", location = "London" });
        var neither = await client.PostAsJsonAsync("/api/boards/ldib/meetings", new { startsAt = "10:00:00", endsAt = "12:00:00", location = "London" });
        var paper = await client.PostAsJsonAsync("/api/papers", new
        {
            boardId = "ldib", meetingId = "2016-01-20", shortName = "Strategy update Jan 2016",
            content = new { title = "Strategy update", purpose = "ForInformation", author = "Secretariat", sponsoringOrganisationId = "monitor", body = "One." },
        });
        var explicitId = await client.PostAsJsonAsync("/api/papers", new
        {
            id = "Not A Slug", boardId = "ldib",
            content = new { title = "Strategy update", purpose = "ForInformation", author = "Secretariat", sponsoringOrganisationId = "monitor", body = "One." },
        });

        (await Id(first, "meetingId")).Should().Be("2016-01-20");
        (await Id(second, "meetingId")).Should().Be("2016-01-20-2");
        neither.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await neither.Content.ReadAsStringAsync()).Should().Contain("\"date\"");
        (await Id(paper, "id")).Should().Be("strategy-update-jan-2016");
        explicitId.StatusCode.Should().Be(HttpStatusCode.BadRequest, "an id given explicitly is taken as it is, and checked as before");
    }

    private static async Task<string?> Id(HttpResponseMessage response, string property)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty(property).GetString();
    }

    private static async Task ScheduleAsync(HttpClient operatorClient, string meetingId) =>
        (await operatorClient.PostAsJsonAsync("/api/boards/ldib/meetings", new { meetingId, startsAt = "10:00:00", endsAt = "12:00:00", location = "Wellington House" })).EnsureSuccessStatusCode();

    private static Task<HttpResponseMessage> WritePaperAsync(HttpClient secretary, string shortName, string title) => PostPaperFormAsync(secretary, new()
    {
        ["Input.Mode"] = "save",
        ["Input.Id"] = shortName,
        ["Input.MeetingId"] = "2015-12-11",
        ["Input.Title"] = title,
        ["Input.Purpose"] = "ForDiscussion",
        ["Input.Author"] = "Suzie Bailey",
        ["Input.SponsoringOrganisationId"] = "monitor",
        ["Input.Body"] = "The board is asked to note the plan.",
    });

    private static async Task<HttpResponseMessage> PostPaperFormAsync(HttpClient secretary, Dictionary<string, string> fields)
    {
        const string path = "/boards/ldib/papers/new";
        return await PageForms.PostAsync(secretary, path, await secretary.GetStringAsync(path), "paper", fields);
    }

    private static async Task<HttpResponseMessage> PlanAsync(HttpClient secretary, Dictionary<string, string> fields) =>
        await PageForms.PostAsync(secretary, "/boards/ldib", await secretary.GetStringAsync("/boards/ldib"), "plan-meeting", fields);
}
