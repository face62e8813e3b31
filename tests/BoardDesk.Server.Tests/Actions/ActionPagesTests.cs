using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BoardDesk.Actions;
using BoardDesk.Server.Tests.Decisions;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BoardDesk.Server.Tests.Actions;

/// <summary>The action log's pages: who may see them, what the filters and export links do, and who may update through them.</summary>
public sealed partial class ActionPagesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldRefuseAndChangeNothing_WhenAProgrammeLeadUpdatesAnActionTheyDoNotOwnThroughThePage()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var secretariat = await api.OperatorClientAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await CreateAsync(secretariat, "leads-own", "Draft the hosting agreement.", "monitor", today.AddDays(30));
        await CreateAsync(secretariat, "someone-elses", "Circulate the engagement plan.", "hee", today.AddDays(30), owner: "someone-else");
        var lead = await api.SignedInClientAsync("ldib-lead");

        var mine = await lead.GetStringAsync("/actions/mine");
        mine.Should().Contain("Draft the hosting agreement.").And.NotContain("Circulate the engagement plan.", "My actions lists only one's own");
        (await lead.GetAsync("/actions/someone-elses")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a programme lead sees only the actions they own");

        var before = await api.CountEventsAsync();
        var refused = await PostFormAsync(lead, "/actions/mine", mine, "progress", new()
        {
            ["Progress.ActionId"] = "someone-elses",
            ["Progress.Notes[someone-elses]"] = "Done, I think.",
            ["Progress.Statuses[someone-elses]"] = "ProposedForClosure",
        });
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Only the action&#x27;s owner or the board&#x27;s secretariat may update it.");
        (await api.CountEventsAsync()).Should().Be(before, "a refused update writes nothing");
        var untouched = await LdibBoard.GetAsync<ActionDetails>(secretariat, "/api/actions/someone-elses");
        untouched.Notes.Should().BeEmpty();
        untouched.Status.Should().Be(ActionStatus.Open);

        var saved = await PostFormAsync(lead, "/actions/mine", mine, "progress", new()
        {
            ["Progress.ActionId"] = "leads-own",
            ["Progress.Notes[leads-own]"] = "Heads of terms agreed.",
            ["Progress.Statuses[leads-own]"] = "ProposedForClosure",
        });
        saved.StatusCode.Should().Be(HttpStatusCode.OK, "the update redirects back to My actions");
        saved.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/actions/mine");
        var updated = await LdibBoard.GetAsync<ActionDetails>(secretariat, "/api/actions/leads-own");
        updated.Status.Should().Be(ActionStatus.ProposedForClosure);
        updated.Notes.Should().ContainSingle().Which.Should().Be(new ActionNote(today, "Heads of terms agreed.", "ldib-lead"));
    }

    [Fact]
    public async Task ShouldKeepTheFormAndChangeNothing_WhenAnUpdateIsInvalid()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var secretariat = await api.OperatorClientAsync();
        await CreateAsync(secretariat, "leads-own", "Draft the hosting agreement.", "monitor", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var lead = await api.SignedInClientAsync("ldib-lead");
        var mine = await lead.GetStringAsync("/actions/mine");
        var before = await api.CountEventsAsync();

        var closing = await PostFormAsync(lead, "/actions/mine", mine, "progress", new() { ["Progress.ActionId"] = "leads-own", ["Progress.Notes[leads-own]"] = "Done.", ["Progress.Statuses[leads-own]"] = "Closed" });
        closing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await closing.Content.ReadAsStringAsync()).Should().Contain("only the board closes or defers it");
        var empty = await PostFormAsync(lead, "/actions/mine", mine, "progress", new() { ["Progress.ActionId"] = "leads-own", ["Progress.Notes[leads-own]"] = "  " });
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest, await empty.Content.ReadAsStringAsync());
        (await empty.Content.ReadAsStringAsync()).Should().Contain("There is a problem");

        (await api.CountEventsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ShouldNotShowTheLog_WhenTheReaderIsAnonymousOrAnObserver()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var secretariat = await api.OperatorClientAsync();
        await CreateAsync(secretariat, "private-plan", "Prepare the confidential recovery plan.", "monitor", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));

        var anonymous = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answer = await anonymous.GetAsync("/actions");
        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        answer.Headers.Location!.PathAndQuery.Should().Be("/sign-in?returnUrl=%2Factions");
        (await anonymous.GetAsync("/actions/private-plan")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/api/actions/export.csv")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var observer = await api.SignedInClientAsync("ldib-observer");
        var refused = await observer.GetAsync("/actions");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Your roles do not let you read the action log.").And.NotContain("Prepare the confidential recovery plan.");
        (await observer.GetAsync("/actions/private-plan")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await observer.GetStringAsync("/actions/mine")).Should().Contain("You own no actions.").And.NotContain("Prepare the confidential recovery plan.");

        var member = await api.SignedInClientAsync("ldib-member");
        (await member.GetStringAsync("/actions")).Should().Contain("Prepare the confidential recovery plan.", "members read the board's log");
    }

    [Fact]
    public async Task ShouldNarrowTheRowsAndCarryTheFiltersIntoTheExports_WhenFiltersAreChosen()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var secretariat = await api.OperatorClientAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await CreateAsync(secretariat, "monitor-overdue", "Monitor reports on the support teams.", "monitor", today.AddDays(-10));
        await CreateAsync(secretariat, "monitor-later", "Monitor drafts the hosting agreement.", "monitor", today.AddDays(60));
        await CreateAsync(secretariat, "hee-overdue", "HEE circulates the engagement plan.", "hee", today.AddDays(-5), owner: "someone-else");
        var chair = await api.SignedInClientAsync("ldib-chair");

        var all = await chair.GetStringAsync("/actions");
        all.Should().Contain("Monitor reports on the support teams.").And.Contain("Monitor drafts the hosting agreement.").And.Contain("HEE circulates the engagement plan.");

        var overdue = await chair.GetStringAsync("/actions?overdue=true");
        overdue.Should().Contain("Monitor reports on the support teams.").And.Contain("HEE circulates the engagement plan.").And.NotContain("Monitor drafts the hosting agreement.");
        overdue.Should().Contain("Red: overdue");

        var filtered = await chair.GetStringAsync("/actions?organisation=monitor&overdue=true&status=&source=");
        filtered.Should().Contain("Monitor reports on the support teams.").And.NotContain("HEE circulates").And.NotContain("Monitor drafts");
        (await chair.GetStringAsync("/actions?owner=someone-else")).Should().Contain("HEE circulates").And.NotContain("Monitor reports");

        var csvLink = WebUtility.HtmlDecode(ExportLink().Match(filtered).Groups["href"].Value);
        csvLink.Should().Be("/api/actions/export.csv?organisation=monitor&overdue=true");
        filtered.Should().Contain("href=\"/api/actions/export.xlsx?organisation=monitor&amp;overdue=true\"");
        var csv = await chair.GetStringAsync(csvLink);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2, "the browser's session downloads only the filtered rows");
        lines[1].Should().StartWith("monitor-overdue,");

        var bad = await chair.GetAsync("/actions?status=Lost&page=0");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("Choose a status from the list.").And.Contain("Pages are numbered from 1.").And.NotContain("Monitor reports");
    }

    [Fact]
    public async Task ShouldPageTheLogAndKeepTheFilters_WhenMoreActionsMatchThanAPageHolds()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var secretariat = await api.OperatorClientAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var n = 1; n <= 27; n++)
        {
            await CreateAsync(secretariat, $"paged-{n:00}", $"Paged action number {n:00}.", "monitor", today.AddDays(20 + n));
        }

        await CreateAsync(secretariat, "other-organisation", "Paged action of another organisation.", "hee", today.AddDays(1));
        var chair = await api.SignedInClientAsync("ldib-chair");

        var first = await chair.GetStringAsync("/actions?organisation=monitor");
        first.Should().Contain("Paged action number 25.").And.NotContain("Paged action number 26.").And.NotContain("another organisation");
        first.Should().Contain("page 1 of 2").And.Contain("href=\"/actions?organisation=monitor&amp;page=2\"");
        var second = await chair.GetStringAsync("/actions?organisation=monitor&page=2");
        second.Should().Contain("Paged action number 26.").And.Contain("Paged action number 27.").And.NotContain("Paged action number 25.");
        second.Should().Contain("href=\"/api/actions/export.csv?organisation=monitor\"", "an export has every matching action, not one page");
        (await chair.GetStringAsync("/actions?organisation=monitor&page=9")).Should().Contain("There is no page 9.");
    }

    [Fact]
    public async Task ShouldRecordAnActionAndRefuseAMissingOwner_WhenTheSecretariatUsesTheForm()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var secretary = await api.SignedInClientAsync("ldib-secretary");
        var operatorClient = await api.OperatorClientAsync();
        await LdibBoard.PostAsync<object>(operatorClient, "/api/boards/ldib/meetings", new { meetingId = LdibBoard.MeetingId, startsAt = "10:00:00", endsAt = "12:00:00", location = "Wellington House" }, HttpStatusCode.Created);
        var form = await secretary.GetStringAsync("/boards/ldib/actions/new");
        form.Should().Contain("LDIB programme lead").And.NotContain("LDIB observer", "an observer does not own actions");
        var before = await api.CountEventsAsync();

        var refused = await PostFormAsync(secretary, "/boards/ldib/actions/new", form, "record-action", new()
        {
            ["Input.Description"] = "Draft the hosting agreement.",
            ["Input.OrganisationId"] = "monitor",
            ["Input.DueOn"] = "2015-12-01",
            ["Input.SourceKind"] = "MinuteItem",
            ["Input.MinuteItem"] = $"{LdibBoard.MeetingId}#1",
        });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Choose the person who owns the action.");
        (await api.CountEventsAsync()).Should().Be(before);

        var recorded = await PostFormAsync(secretary, "/boards/ldib/actions/new", form, "record-action", new()
        {
            ["Input.Description"] = "Draft the hosting agreement.",
            ["Input.Owner"] = "ldib-lead",
            ["Input.OrganisationId"] = "monitor",
            ["Input.DueOn"] = "2015-12-01",
            ["Input.SourceKind"] = "MinuteItem",
            ["Input.MinuteItem"] = $"{LdibBoard.MeetingId}#1",
        });
        recorded.StatusCode.Should().Be(HttpStatusCode.OK);
        var actionId = recorded.RequestMessage!.RequestUri!.AbsolutePath["/actions/".Length..];
        var action = await LdibBoard.GetAsync<ActionDetails>(operatorClient, $"/api/actions/{actionId}");
        action.Owner.Should().Be(new ActionOwner("ldib-lead", "monitor"));
        action.Source.Should().Be(new ActionSource(ActionSourceKind.MinuteItem, $"{LdibBoard.MeetingId}#1"));
        var lead = await api.SignedInClientAsync("ldib-lead");
        (await lead.GetStringAsync("/actions/mine")).Should().Contain("Draft the hosting agreement.");
        (await lead.GetAsync("/boards/ldib/actions/new")).StatusCode.Should().Be(HttpStatusCode.NotFound, "only the secretariat records actions");
    }

    [Fact]
    public async Task ShouldDeferAndCloseOnlyAsTheBoardMay_WhenTheSecretariatUsesTheActionPage()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await CreateAsync(ldib.Operator, "hosting", "Draft the hosting agreement.", "monitor", today.AddDays(30));
        var lead = await api.SignedInClientAsync("ldib-lead");
        var asLead = await lead.GetStringAsync("/actions/hosting");
        asLead.Should().Contain("Add a progress note").And.NotContain("Defer the action").And.NotContain("Close the action", "only the board defers and closes");

        var secretary = await api.SignedInClientAsync("ldib-secretary");
        var page = await secretary.GetStringAsync("/actions/hosting");
        page.Should().Contain("has no such meeting yet", "no meeting of the board has been held");
        var before = await api.CountEventsAsync();
        var earlier = await PostFormAsync(secretary, "/actions/hosting", page, "action-defer", new() { ["Deferral.DueOn"] = today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Deferral.Reason"] = "Waiting for the trust." });
        earlier.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await earlier.Content.ReadAsStringAsync()).Should().Contain("Deferring moves the due date later than");
        var noReason = await PostFormAsync(secretary, "/actions/hosting", page, "action-defer", new() { ["Deferral.DueOn"] = today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await api.CountEventsAsync()).Should().Be(before, "a refused deferral writes nothing");

        var deferred = await PostFormAsync(secretary, "/actions/hosting", page, "action-defer", new() { ["Deferral.DueOn"] = today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Deferral.Reason"] = "Waiting for the trust." });
        deferred.StatusCode.Should().Be(HttpStatusCode.OK);
        (await LdibBoard.GetAsync<ActionDetails>(ldib.Operator, "/api/actions/hosting")).DueOn.Should().Be(today.AddDays(60));

        await ldib.HoldMeetingAsync();
        await LdibBoard.PostAsync<object>(ldib.Operator, $"/api/boards/ldib/meetings/{LdibBoard.MeetingId}/held", null);
        page = await secretary.GetStringAsync("/actions/hosting");
        var unheld = await PostFormAsync(secretary, "/actions/hosting", page, "action-close", new() { ["Closing.MeetingId"] = "2099-01-01" });
        unheld.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unheld.Content.ReadAsStringAsync()).Should().Contain("Choose the held meeting of the board that closed the action.");
        var closed = await PostFormAsync(secretary, "/actions/hosting", page, "action-close", new() { ["Closing.MeetingId"] = LdibBoard.MeetingId });
        closed.StatusCode.Should().Be(HttpStatusCode.OK);
        var action = await LdibBoard.GetAsync<ActionDetails>(ldib.Operator, "/api/actions/hosting");
        action.Status.Should().Be(ActionStatus.Closed);
        action.ClosedAtMeetingId.Should().Be(LdibBoard.MeetingId);
        (await lead.GetStringAsync("/actions/hosting")).Should().Contain("Green: closed").And.NotContain("Add a progress note", "a closed action changes no more");
    }

    /// <summary>Posts a page's form as a browser would: its antiforgery token, its handler name and the fields.</summary>
    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string page, string handler, Dictionary<string, string> fields) =>
        PageForms.PostAsync(client, path, page, handler, fields);

    private static Task<ActionDetails> CreateAsync(HttpClient client, string id, string description, string organisation, DateOnly due, string owner = "ldib-lead") =>
        LdibBoard.CreateActionAsync(client, id, description, organisation, due, owner);

    [GeneratedRegex("href=\"(?<href>/api/actions/export\\.csv[^\"]*)\"")]
    private static partial Regex ExportLink();
}
