using System.Net.Http.Json;
using System.Text.Json;
using BoardDesk.Testing;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>Every page, as an anonymous visitor and as the board's people see it: axe clean, at desktop and phone width.</summary>
public sealed class PageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [ChromiumFact]
    public async Task ShouldPassAxe_WhenAnAnonymousVisitorOpensEachPublicPage()
    {
        await using var visitor = await server.NewJourneyAsync("anonymous-public-pages");
        await MergeMonitorAndTdaIntoNhsImprovementAsync();
        foreach (var (path, heading) in new[]
        {
            ("/", "BoardDesk"),
            ("/sign-in", "Sign in"),
            ("/boards", "Boards"),
            ("/boards/ldib", "National Leadership Development and Improvement Board"),
            ("/papers", "Papers"),
            ("/recommendations", "Recommendation tracker"),
            ("/organisations", "Organisations"),
            ("/organisations/nhs-improvement", "NHS Improvement (Monitor and NHS TDA)"),
            ("/organisations/monitor", "Monitor"),
            ("/organisations/changes", "Changes to organisations"),
        })
        {
            var answer = await visitor.Page.GotoAsync(path);
            answer!.Status.Should().Be(200, path);
            (await visitor.Page.Locator("h1").InnerTextAsync()).Should().Contain(heading, path);
            await visitor.StepAsync(path == "/" ? "home" : path.Trim('/').Replace('/', '-'));
        }

        var merger = await visitor.Page.Locator("tr", new() { HasText = "Merged" }).First.InnerTextAsync();
        merger.Should().Contain("1 April 2016").And.Contain("Monitor").And.Contain("NHS Trust Development Authority").And.Contain("Completed");
        (await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).CountAsync()).Should().Be(0, "only an administrator may try a stopped change again");

        (await visitor.Page.GotoAsync("/boards/ldib/meetings/2015-01-01"))!.Status.Should().Be(404);
        await visitor.StepAsync("not found");
    }

    // The organisation page's lineage diagram needs a lineage: the 2016 merger, and a rename, through the API.
    private async Task MergeMonitorAndTdaIntoNhsImprovementAsync()
    {
        await SecretaryDesk.MergeMonitorAndTdaAsync(server.Process);
        (await server.Process.Client.PostAsJsonAsync("/api/organisations/nhs-improvement/rename", new { name = "NHS Improvement (Monitor and NHS TDA)", effectiveOn = "2016-11-01" }))
            .EnsureSuccessStatusCode();
    }

    [ChromiumFact]
    public async Task ShouldShowWhatTheRolesAllow_WhenEachSampleAccountSignsIn()
    {
        foreach (var (user, prepares) in new[] { ("ldib-secretary", true), ("ldib-member", false), ("ldib-lead", false), ("ldib-observer", false) })
        {
            await using var journey = await server.NewJourneyAsync($"roles-{user}");
            await journey.SignInAsync(user, ServerProcess.SamplePassword);
            await journey.Page.GotoAsync("/boards/ldib");
            var planning = journey.Page.GetByRole(AriaRole.Heading, new() { Name = "Plan a meeting" });
            (await planning.CountAsync()).Should().Be(prepares ? 1 : 0, user);
            await journey.StepAsync("board home");
            await journey.Page.GotoAsync("/");
            await journey.Page.GetByRole(AriaRole.Heading, new() { Name = "Your actions" }).WaitForAsync();
            await journey.StepAsync("home");
        }
    }

    [ChromiumFact]
    public async Task ShouldFocusTheErrorSummaryAndLeadToTheField_WhenAFormIsRefused()
    {
        await using var secretary = await server.NewJourneyAsync("form-errors");
        var page = secretary.Page;
        await secretary.SignInAsync("ldib-secretary", ServerProcess.SamplePassword);
        await page.GotoAsync("/boards/ldib");
        await page.GetByLabel("Starts at", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meeting" }).ClickAsync();
        await page.Locator("[data-error-summary]").WaitForAsync();

        (await page.EvaluateAsync<bool>("() => document.activeElement?.hasAttribute('data-error-summary') === true")).Should().BeTrue("the summary takes the focus");
        (await page.Locator("#meeting-date-error").InnerTextAsync()).Should().Contain("Enter the date of the meeting.");
        await secretary.StepAsync("plan refused");
        await page.GetByRole(AriaRole.Link, new() { Name = "Enter the date of the meeting." }).ClickAsync();
        (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''")).Should().Be("meeting-date", "the summary's link moves the focus to its field");
        new Uri(page.Url).AbsolutePath.Should().Be("/boards/ldib", "the link stays on the page");
    }

    [ChromiumFact]
    public async Task ShouldPlanASecondMeetingOnTheSameDay_WhenTheSecretaryPlansItFromTheBoardsPage()
    {
        await using var secretary = await server.NewJourneyAsync("same-day-meetings");
        await secretary.SignInAsync("ldib-secretary", ServerProcess.SamplePassword);

        var morning = await SecretaryDesk.PlanMeetingAsync(secretary, daysAhead: 60, startsAt: "09:30");
        var afternoon = await SecretaryDesk.PlanMeetingAsync(secretary, daysAhead: 60, startsAt: "14:00");
        await secretary.StepAsync("second meeting planned");

        afternoon.Should().Be($"{morning}-2");
        (await secretary.MainTextAsync()).Should().Contain("14:00 to 16:00");
        await secretary.Page.GotoAsync("/boards/ldib/papers/new");
        var meetings = await secretary.Page.Locator("#paper-meeting option").AllInnerTextsAsync();
        meetings.Should().Contain([$"{SecretaryDesk.MeetingLabel(morning)}, 09:30", $"{SecretaryDesk.MeetingLabel(morning)}, 14:00"]);
    }

    [ChromiumFact]
    public async Task ShouldSayTheSameThing_WhenTheSignInFails()
    {
        await using var visitor = await server.NewJourneyAsync("sign-in-failure");
        await visitor.Page.GotoAsync("/sign-in");
        await visitor.Page.GetByLabel("User name", new() { Exact = true }).FillAsync("ldib-member");
        await visitor.Page.GetByLabel("Password", new() { Exact = true }).FillAsync("not the password");
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await visitor.Page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await visitor.Page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("The user name or password is not right");
        await visitor.StepAsync("sign-in refused");
    }
}
