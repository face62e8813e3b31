using BoardDesk.Testing;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>"What happened to recommendation 1 of the Smith review, and who owns it now?", asked in the browser.</summary>
public sealed class RecommendationJourneyTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [ChromiumFact]
    public async Task ShouldShowTheOwnerNowAndThen_WhenTheOwnerMergedIntoAnotherBody()
    {
        await using var visitor = await server.NewJourneyAsync("visitor-follows-a-recommendation");
        await SecretaryDesk.MergeMonitorAndTdaAsync(server.Process);
        var page = visitor.Page;
        await page.GotoAsync("/recommendations?review=smith-2015");
        await page.Locator("td a[href='/recommendations/smith-2015/1']").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "recommendation 1" }).WaitForAsync();
        var owner = await page.Locator("dt:has-text('Owner now') + dd").InnerTextAsync();
        owner.Should().Contain("NHS Improvement").And.Contain("inherited").And.Contain("Monitor");
        await visitor.StepAsync("owner now");

        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2015-10-23");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the owner then" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("On 23 October 2015").And.Contain("Monitor led it");
        await visitor.StepAsync("owner on a date");

        await using var lead = await server.NewJourneyAsync("programme-lead-reports-recommendation-progress");
        await lead.SignInAsync("ldib-lead", ServerProcess.SamplePassword);
        await lead.Page.GotoAsync("/recommendations/smith-2015/1");
        await lead.Page.GetByLabel("What has happened").FillAsync("The national strategy was agreed by the board and published.");
        await lead.Page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "In progress" });
        await lead.Page.GetByLabel("Per cent done").FillAsync("40");
        await lead.Page.GetByRole(AriaRole.Button, new() { Name = "Record the progress" }).ClickAsync();
        await lead.Page.GetByText("The national strategy was agreed by the board and published.").WaitForAsync();
        (await lead.Page.Locator("dt:has-text('Status') + dd").InnerTextAsync()).Should().Contain("In progress").And.Contain("40% done");
        await lead.StepAsync("progress recorded");

        await lead.Page.GetByLabel("What has happened").FillAsync("");
        await lead.Page.GetByRole(AriaRole.Button, new() { Name = "Record the progress" }).ClickAsync();
        await lead.Page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await lead.Page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("Enter the date and what has happened");
        await lead.StepAsync("progress refused");
    }

}
