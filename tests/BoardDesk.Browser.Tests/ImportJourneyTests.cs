using System.Net.Http.Json;
using System.Text;
using BoardDesk.Testing;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>An administrator imports a review's recommendations from CSV and watches the import's progress.</summary>
public sealed class ImportJourneyTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [ChromiumFact]
    public async Task ShouldListTheBadRowsThenShowProgressToTheEnd_WhenAnAdministratorImportsRecommendations()
    {
        await using var admin = await server.NewJourneyAsync("administrator-imports-recommendations");
        var page = admin.Page;
        await admin.SignInAsync("admin", ServerProcess.SamplePassword);
        await server.Process.AuthorizeAsync("admin");
        (await server.Process.Client.PostAsJsonAsync("/api/reviews", new { id = "ui-people-plan-2016", title = "People plan 2016", lead = "DH", publishedOn = "2016-03-01" }))
            .EnsureSuccessStatusCode();

        await page.GotoAsync("/recommendations?review=ui-people-plan-2016");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import recommendations into this review from CSV" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Import recommendations" }).WaitForAsync();
        await admin.StepAsync("import form");

        await page.GetByLabel("Or paste the CSV here").FillAsync("number,text,leadOwner\n1,Fine,nhs-england\nseven,Not a number,hee\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await page.GetByText("Row 3").WaitForAsync();
        (await admin.MainTextAsync()).Should().Contain("Nothing was imported");
        await admin.StepAsync("bad row listed");
        (await server.Process.Client.GetFromJsonAsync<RegisterTotal>("/api/recommendations?reviewId=ui-people-plan-2016"))!.Total.Should().Be(0, "one bad row rejects the whole file");

        var csv = new StringBuilder("number,text,leadOwner\n");
        for (var number = 1; number <= 250; number++)
        {
            csv.Append(number).Append(",Recommendation ").Append(number).Append(" of the people plan,").Append(number % 2 == 0 ? "hee" : "nhs-england").Append('\n');
        }

        await page.GetByLabel("Or paste the CSV here").FillAsync(csv.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Importing recommendations" }).WaitForAsync();
        await page.GetByText("Done: all 250 recommendations are recorded.").WaitForAsync(new() { Timeout = 60_000 });
        (await page.Locator("progress").GetAttributeAsync("value")).Should().Be("250");
        await admin.StepAsync("import complete");

        await page.GetByRole(AriaRole.Link, new() { Name = "See the recommendations of People plan 2016" }).ClickAsync();
        (await admin.MainTextAsync()).Should().Contain("250");
        await admin.StepAsync("imported recommendations");
    }

    private sealed record RegisterTotal(int Total);
}
