using System.Globalization;
using BoardDesk.Testing;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>The action log end to end in Chromium: the secretariat records and closes, the programme lead updates.</summary>
public sealed class ActionJourneyTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Password = ServerProcess.SamplePassword;
    private const string Description = "Draft the hosting agreement for the intensive support teams";

    [ChromiumFact]
    public async Task ShouldCloseAnAction_WhenAProgrammeLeadUpdatesItAndProposesClosing()
    {
        await using var secretary = await server.NewJourneyAsync("action-secretary");
        var page = secretary.Page;
        await secretary.SignInAsync("ldib-secretary", Password);
        var meetingId = await SecretaryDesk.HoldPastMeetingAsync(secretary, daysAgo: 3);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Actions" }).ClickAsync();
        await page.WaitForURLAsync("**/actions");
        await secretary.StepAsync("empty action log");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record an action for the National Leadership Development and Improvement Board" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the action" }).ClickAsync();
        (await page.Locator(".error-summary").InnerTextAsync()).Should().Contain("Choose the person who owns the action.");
        await secretary.StepAsync("record an action refused");

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        await page.GetByLabel("What is to be done", new() { Exact = true }).FillAsync(Description);
        await page.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "LDIB programme lead" });
        await page.GetByLabel("For the organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Monitor" });
        await page.GetByLabel("Due date", new() { Exact = true }).FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("At an item of a meeting", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Meeting item", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await secretary.StepAsync("record an action");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the action" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = Description }).WaitForAsync();
        (await secretary.MainTextAsync()).Should().Contain("LDIB programme lead").And.Contain("Amber: due within 14 days").And.Contain($"item 1 of the meeting of");
        await secretary.StepAsync("action recorded");

        await page.GotoAsync("/actions");
        await page.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "LDIB programme lead" });
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Open" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show actions" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("owner=ldib-lead", StringComparison.Ordinal) && url.Contains("status=Open", StringComparison.Ordinal));
        var row = Row(page);
        (await row.InnerTextAsync()).Should().Contain("Monitor").And.Contain("Open").And.Contain("Amber");
        await secretary.StepAsync("action log filtered");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        download.SuggestedFilename.Should().Be("action-log.csv");
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.Should().Contain(Description).And.Contain("ldib-lead");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2, "the export carries the filters: one header and the one matching action");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await secretary.StepAsync("action log printed", fitsPhone: false);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await using (var lead = await server.NewJourneyAsync("action-programme-lead"))
        {
            var leadPage = lead.Page;
            await lead.SignInAsync("ldib-lead", Password);
            await leadPage.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Actions" }).ClickAsync();
            await leadPage.WaitForURLAsync("**/actions/mine");
            var reminder = leadPage.Locator(".action-reminders", new() { HasText = Description });
            for (var attempt = 0; attempt < 30 && await reminder.CountAsync() == 0; attempt++)
            {
                await Task.Delay(1000);
                await leadPage.ReloadAsync();
            }

            (await reminder.InnerTextAsync()).Should().Contain("Due soon");
            await lead.StepAsync("my actions with a reminder");

            var mine = leadPage.Locator("details", new() { HasText = Description });
            await mine.Locator("summary").ClickAsync();
            await mine.GetByLabel("Progress note", new() { Exact = true }).FillAsync("Heads of terms agreed with the host trust.");
            await lead.StepAsync("progress note written");
            await mine.Locator("button[type=submit]").ClickAsync();
            await leadPage.Locator("tr[id^=action-]", new() { HasText = "Heads of terms agreed with the host trust." }).WaitForAsync();
            (await Row(leadPage).InnerTextAsync()).Should().Contain("In progress");
            await lead.StepAsync("progress noted");

            await mine.Locator("summary").ClickAsync();
            await mine.GetByLabel("Progress note", new() { Exact = true }).FillAsync("Agreement signed; proposed for closure.");
            await mine.GetByLabel("New status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Proposed for closure" });
            await mine.Locator("button[type=submit]").ClickAsync();
            await leadPage.Locator("tr[id^=action-]", new() { HasText = "Agreement signed; proposed for closure." }).WaitForAsync();
            (await Row(leadPage).InnerTextAsync()).Should().Contain("Proposed for closure");
            await lead.StepAsync("proposed for closure");

            (await leadPage.GotoAsync("/actions"))!.Status.Should().Be(403, "a programme lead reads their own actions, not the board's log");
            await lead.StepAsync("action log refused");
        }

        await page.GotoAsync("/actions");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Proposed for closure" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show actions" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("status=ProposedForClosure", StringComparison.Ordinal));
        (await Row(page).InnerTextAsync()).Should().Contain("Proposed for closure").And.Contain("Agreement signed");
        await secretary.StepAsync("proposed for closure in the log");

        await page.GetByRole(AriaRole.Link, new() { Name = Description }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = Description }).WaitForAsync();
        await secretary.StepAsync("action to close");
        await page.GetByLabel("Meeting that closed it", new() { Exact = true }).SelectOptionAsync(meetingId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the action" }).ClickAsync();
        await page.Locator("main .tag", new() { HasText = "Closed" }).WaitForAsync();
        (await secretary.MainTextAsync()).Should().Contain("Green: closed").And.Contain("At the meeting of").And.NotContain("Defer the action");
        await page.Locator(".history summary").ClickAsync();
        await secretary.StepAsync("action closed");
    }

    /// <summary>The action's row in the log (not the row of its progress form).</summary>
    private static ILocator Row(IPage page) => page.Locator("tr[id^=action-]", new() { HasText = Description });
}
