using BoardDesk.Testing;
using System.Text.Json;
using System.Net.Http.Json;
using System.Globalization;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>What a board secretary does through the pages, step by step, for the journeys that need it.</summary>
public static class SecretaryDesk
{
    /// <summary>
    /// Plans a meeting of the LDIB <paramref name="daysAhead"/> days from today with the page's date picker; returns
    /// the id the server gave it, from the address it lands on (the date, with a suffix for a second meeting that day).
    /// </summary>
    public static async Task<string> PlanMeetingAsync(BrowserJourney journey, int daysAhead, bool screenshots = false, string startsAt = "10:00")
    {
        var page = journey.Page;
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead);
        await page.GotoAsync("/boards/ldib");
        if (screenshots)
        {
            await journey.StepAsync("board home");
        }

        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Starts at", new() { Exact = true }).FillAsync(startsAt);
        await page.GetByLabel("Ends at", new() { Exact = true }).FillAsync(TimeOnly.Parse(startsAt, CultureInfo.InvariantCulture).AddHours(2).ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("Location", new() { Exact = true }).FillAsync("Wellington House, London");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meeting" }).ClickAsync();
        await page.WaitForURLAsync("**/boards/ldib/meetings/**");
        return new Uri(page.Url).AbsolutePath.Split('/')[^1];
    }

    /// <summary>The meeting as the pages name it in their lists: its date in words.</summary>
    public static string MeetingLabel(string meetingId) =>
        DateOnly.ParseExact(meetingId[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>
    /// Writes a paper for the meeting (chosen by its date in words, its sponsor by name, its address made from the
    /// short name in words), then submits, approves and publishes it; returns the paper's id from its address.
    /// </summary>
    public static async Task<string> WritePublishedPaperAsync(BrowserJourney journey, string meetingId, string shortName, string title, bool screenshots = false)
    {
        var page = journey.Page;
        await page.GotoAsync("/boards/ldib/papers/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Short name for the address (optional)", new() { Exact = true }).FillAsync(shortName);
        await page.GetByLabel("Meeting", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = MeetingLabel(meetingId) });
        await page.GetByLabel("Sponsoring organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "NHS England" });
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("What the board is asked to note.");
        await page.GetByLabel("Body (Markdown)", new() { Exact = true }).FillAsync("## Background\n\nThe programme started in April.\n\nSpending is **on plan** at £2.1m.");
        await page.GetByLabel("Recommendations to the board, one a line", new() { Exact = true }).FillAsync("Note the progress.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Preview" }).WaitForAsync();
        if (screenshots)
        {
            await journey.StepAsync("paper preview");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create the paper" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/papers/", StringComparison.Ordinal));
        var paperId = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        if (screenshots)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Edit the paper" }).ClickAsync();
            await page.GetByLabel("Body (Markdown)", new() { Exact = true }).FillAsync("## Background\n\nThe programme started in April.\n\nSpending is **on plan** at £2.3m after the September review.");
            await page.GetByLabel("What changed in this version", new() { Exact = true }).FillAsync("Spending after the September review");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
            await page.WaitForURLAsync($"**/papers/{paperId}");
            await journey.StepAsync("paper version 2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Version 1 compared with version 2" }).WaitForAsync();
            await journey.StepAsync("paper comparison");
            await page.GotoAsync($"/papers/{paperId}");
        }

        foreach (var step in new[] { "Submit the paper", "Approve for circulation", "Publish the paper" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = step }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.Load);
        }

        await page.Locator("main .tag", new() { HasText = "Published" }).First.WaitForAsync();
        if (screenshots)
        {
            await journey.StepAsync("paper published");
        }

        return paperId;
    }

    /// <summary>
    /// Adds an agenda item for decision to the meeting, in the given part, presented by the first of the board's
    /// people offered, with the paper (chosen by its title) if there is one.
    /// </summary>
    public static async Task AddItemAsync(BrowserJourney journey, string meetingId, string title, string? paperTitle, bool inPrivate)
    {
        var page = journey.Page;
        await page.GotoAsync($"/boards/ldib/meetings/{meetingId}");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Presenter", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Purpose", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "For decision" });
        await page.GetByLabel(inPrivate ? "Private (confidential)" : "Public", new() { Exact = true }).CheckAsync();
        if (paperTitle is not null)
        {
            await page.GetByLabel("Paper", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{paperTitle} (Published)" });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = title }).First.WaitForAsync();
    }

    /// <summary>Publishes the meeting's agenda.</summary>
    public static async Task PublishAgendaAsync(BrowserJourney journey, string meetingId)
    {
        var page = journey.Page;
        await page.GotoAsync($"/boards/ldib/meetings/{meetingId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the agenda" }).ClickAsync();
        await page.Locator("main .tag", new() { HasText = "Agenda published" }).WaitForAsync();
    }

    /// <summary>Plans a meeting <paramref name="daysAgo"/> days ago, publishes its agenda, records everyone present and marks it held.</summary>
    public static async Task<string> HoldPastMeetingAsync(BrowserJourney journey, int daysAgo)
    {
        var page = journey.Page;
        var meetingId = await PlanMeetingAsync(journey, daysAhead: -daysAgo);
        await PublishAgendaAsync(journey, meetingId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark the meeting as held" }).ClickAsync();
        await page.Locator("main .tag", new() { HasText = "Held" }).First.WaitForAsync();
        return meetingId;
    }

    /// <summary>Merges Monitor and NHS TDA into NHS Improvement on 1 April 2016 through the API, as an administrator, and waits until it is done.</summary>
    public static async Task MergeMonitorAndTdaAsync(ServerProcess server)
    {
        await server.AuthorizeAsync("admin");
        var client = server.Client;
        (await client.PostAsJsonAsync("/api/organisations/merge", new { sourceIds = new[] { "monitor", "nhs-tda" }, targetId = "nhs-improvement", effectiveOn = "2016-04-01" }))
            .EnsureSuccessStatusCode();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var organisation = await client.GetFromJsonAsync<JsonElement>("/api/organisations/nhs-improvement");
            if (organisation.GetProperty("predecessors").GetArrayLength() == 2)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The merger into NHS Improvement did not finish.");
    }
}
