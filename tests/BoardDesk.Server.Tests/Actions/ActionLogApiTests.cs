using System.Net;
using System.Net.Http.Json;
using BoardDesk.Actions;
using BoardDesk.Persistence;
using BoardDesk.Server.Tests.Decisions;
using BoardDesk.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BoardDesk.Server.Tests.Actions;

/// <summary>The action log: overdue and inherited-owner filters, my actions, exports, notifications, and closing by the board.</summary>
public sealed class ActionLogApiTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldFilterByOverdueAndByInheritedOwner_WhenOwnersHaveMergedIntoNhsImprovement()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var secretariat = await api.OperatorClientAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await CreateAsync(secretariat, "monitor-overdue", "Monitor reports on the intensive support teams.", "monitor", today.AddDays(-30));
        await CreateAsync(secretariat, "tda-later", "NHS TDA drafts the hosting agreement.", "nhs-tda", today.AddDays(60));
        await CreateAsync(secretariat, "hee-soon", "HEE circulates the NILDS engagement plan.", "hee", today.AddDays(7));
        (await secretariat.PostAsJsonAsync("/api/organisations/merge", new { operationId = "merge-for-actions", sourceIds = new[] { "monitor", "nhs-tda" }, targetId = "nhs-improvement", effectiveOn = "2016-04-01" })).EnsureSuccessStatusCode();

        var inherited = await LdibBoard.GetAsync<ActionLogPage>(secretariat, "/api/actions?organisation=nhs-improvement");
        inherited.Entries.Select(e => e.Id).Should().BeEquivalentTo(["monitor-overdue", "tda-later"], "NHS Improvement inherits what Monitor and NHS TDA owned");
        inherited.Entries.Should().OnlyContain(e => e.OrganisationName == "NHS Improvement");
        (await LdibBoard.GetAsync<ActionLogPage>(secretariat, "/api/actions?organisation=nhs-improvement&inherited=false")).Total.Should().Be(0);
        (await LdibBoard.GetAsync<ActionLogPage>(secretariat, "/api/actions?organisation=monitor&inherited=false")).Entries.Should().ContainSingle();

        var overdue = await LdibBoard.GetAsync<ActionLogPage>(secretariat, "/api/actions?overdue=true");
        overdue.Entries.Should().ContainSingle().Which.Should().Match<ActionLogEntry>(e => e.Id == "monitor-overdue" && e.Rag == ActionRag.Red);
        var all = await LdibBoard.GetAsync<ActionLogPage>(secretariat, "/api/boards/ldib/actions");
        all.Entries.Select(e => (e.Id, e.Rag)).Should().Equal(("monitor-overdue", ActionRag.Red), ("hee-soon", ActionRag.Amber), ("tda-later", ActionRag.Green));
        (await LdibBoard.GetAsync<ActionLogPage>(secretariat, "/api/actions?source=Decision")).Total.Should().Be(0);

        var lead = await api.TokenClientAsync("ldib-lead");
        (await LdibBoard.GetAsync<ActionLogPage>(lead, "/api/actions/mine")).Total.Should().Be(3);
        (await lead.GetAsync("/api/actions")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a programme lead sees their own actions, not the board's log");

        var csv = await secretariat.GetStringAsync("/api/actions/export.csv?organisation=nhs-improvement");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines[0].Should().Be("Action,Board,Description,Owner,Organisation,Due,Status,RAG,Source,Source reference,Latest note");
        lines.Should().HaveCount(3);
        lines[1].Should().StartWith("monitor-overdue,ldib,Monitor reports on the intensive support teams.,ldib-lead,NHS Improvement,");
        lines[1].Should().Contain(",Open,Red,Minute item,2015-10-23#5,", "a spreadsheet is read by people: statuses and sources in words");

        await using var xlsx = await secretariat.GetStreamAsync("/api/actions/export.xlsx?organisation=nhs-improvement");
        using var copy = new MemoryStream();
        await xlsx.CopyToAsync(copy);
        using var workbook = SpreadsheetDocument.Open(copy, false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Descendants<Text>().Select(t => t.Text).ToList()).ToList();
        rows[0].Should().Equal(lines[0].Split(','));
        rows.Should().HaveCount(3);
        rows[1].Take(5).Should().Equal("monitor-overdue", "ldib", "Monitor reports on the intensive support teams.", "ldib-lead", "NHS Improvement");
    }

    [Fact]
    public async Task ShouldNotifyTheOwnerAndCloseOnlyAtAHeldMeeting_WhenAnActionIsOverdue()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await CreateAsync(ldib.Operator, "overdue-report", "Report on the hosting options.", "monitor", today.AddDays(-1));

        var lead = await api.TokenClientAsync("ldib-lead");
        IReadOnlyList<ActionNotification> notifications = [];
        await DecisionCrashTests.WaitUntilAsync(async () => (notifications = await LdibBoard.GetAsync<ActionNotification[]>(lead, "/api/notifications")).Any(n => n.Kind == "Overdue"), "the overdue reminder");
        notifications.Should().OnlyContain(n => n.ActionId == "overdue-report" && n.Recipient == "ldib-lead");
        (await LdibBoard.GetAsync<ActionNotification[]>(ldib.Operator, "/api/notifications")).Should().BeEmpty();

        var updated = await LdibBoard.PostAsync<ActionDetails>(lead, "/api/actions/overdue-report/updates", new { note = "Options drafted; proposed for closure.", on = today, status = "ProposedForClosure" });
        updated.Status.Should().Be(ActionStatus.ProposedForClosure);
        updated.Notes.Should().ContainSingle().Which.Author.Should().Be("ldib-lead");
        await CreateAsync(ldib.Operator, "someone-elses", "Another owner's action.", "monitor", today.AddDays(30), owner: "someone-else");
        (await lead.PostAsJsonAsync("/api/actions/someone-elses/updates", new { note = "Not mine.", on = today })).StatusCode.Should().Be(HttpStatusCode.NotFound, "a programme lead updates only their own actions, and another's, which they may not see, answers as one that does not exist");
        (await lead.PostAsJsonAsync("/api/actions/overdue-report/close", new { meetingId = LdibBoard.MeetingId })).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the board closes an action");
        (await lead.PostAsJsonAsync("/api/actions/overdue-report/updates", new { note = "Closing it myself.", on = today, status = "Closed" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        await LdibBoard.PostAsync<object>(ldib.Operator, "/api/actions/overdue-report/close", new { meetingId = "2099-01-01" }, HttpStatusCode.NotFound);
        await ldib.HoldMeetingAsync();
        (await ldib.Operator.PostAsJsonAsync("/api/actions/overdue-report/close", new { meetingId = LdibBoard.MeetingId })).StatusCode.Should().Be(HttpStatusCode.Conflict, "the meeting is not held yet");
        await LdibBoard.PostAsync<object>(ldib.Operator, $"/api/boards/ldib/meetings/{LdibBoard.MeetingId}/held", null);
        var closed = await LdibBoard.PostAsync<ActionDetails>(ldib.Operator, "/api/actions/overdue-report/close", new { meetingId = LdibBoard.MeetingId });
        closed.Status.Should().Be(ActionStatus.Closed);
        closed.ClosedAtMeetingId.Should().Be(LdibBoard.MeetingId);
    }

    [Fact]
    public async Task ShouldAnswerProblemDetailsAndWriteNothing_WhenAnActionIsInvalid()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var secretariat = await api.OperatorClientAsync();
        var before = await api.CountEventsAsync();
        var answers = new[]
        {
            await secretariat.PostAsync("/api/boards/ldib/actions", DecisionsApiTests.JsonBody(new { description = "", owner = new { person = "ldib-lead", organisationId = "monitor" }, dueOn = "2016-01-31", source = new { kind = "MinuteItem", reference = "2015-10-23#5" } })),
            await secretariat.PostAsync("/api/boards/ldib/actions", DecisionsApiTests.JsonBody(new { description = "Unknown owner organisation", owner = new { person = "ldib-lead", organisationId = "nowhere" }, dueOn = "2016-01-31", source = new { kind = "MinuteItem", reference = "2015-10-23#5" } })),
            await secretariat.PostAsync("/api/boards/ldib/actions", DecisionsApiTests.JsonBody(new { description = "Bad source", owner = new { person = "ldib-lead", organisationId = "monitor" }, dueOn = "2016-01-31", source = new { kind = "Rumour", reference = "x" } })),
            await secretariat.GetAsync("/api/actions?pageSize=0"),
            await secretariat.GetAsync("/api/actions?status=Lost"),
        };
        foreach (var answer in answers)
        {
            answer.StatusCode.Should().Be(HttpStatusCode.BadRequest, await answer.Content.ReadAsStringAsync());
            answer.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        (await api.CountEventsAsync()).Should().Be(before);
    }

    private static Task<ActionDetails> CreateAsync(HttpClient client, string id, string description, string organisation, DateOnly due, string owner = "ldib-lead") =>
        LdibBoard.CreateActionAsync(client, id, description, organisation, due, owner);
}
