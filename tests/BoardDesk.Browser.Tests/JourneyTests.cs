using BoardDesk.Testing;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>The journeys end to end in Chromium against the real server.</summary>
public sealed class JourneyTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Password = ServerProcess.SamplePassword;

    [ChromiumFact]
    public async Task ShouldPublishAnAgendaAndABoardPack_WhenASecretaryPreparesAMeeting()
    {
        await using var secretary = await server.NewJourneyAsync("secretary-publishes-agenda-and-pack");
        var page = secretary.Page;
        await secretary.SignInAsync("ldib-secretary", Password);
        await secretary.StepAsync("signed in");

        var meetingId = await SecretaryDesk.PlanMeetingAsync(secretary, daysAhead: 40, screenshots: true);
        await secretary.StepAsync("meeting planned");
        var paperId = await SecretaryDesk.WritePublishedPaperAsync(secretary, meetingId, "Progress report", "Leadership programme progress report", screenshots: true);
        paperId.Should().Be("progress-report", "the paper's address is made from the short name's words");
        await SecretaryDesk.AddItemAsync(secretary, meetingId, "Leadership programme progress", "Leadership programme progress report", inPrivate: false);
        await secretary.StepAsync("agenda built");

        await SecretaryDesk.PublishAgendaAsync(secretary, meetingId);
        await secretary.StepAsync("agenda published");
        (await secretary.MainTextAsync()).Should().Contain("Leadership programme progress").And.NotContain("Publish the agenda");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync();
        await page.Locator(".notice.success", new() { HasText = "Quorate" }).WaitForAsync();
        await secretary.StepAsync("attendance and quorum");

        await using (var member = await server.NewJourneyAsync("member-declares-an-interest"))
        {
            await member.SignInAsync("ldib-member", Password);
            await member.Page.GotoAsync($"/boards/ldib/meetings/{meetingId}");
            await member.StepAsync("meeting as a member");
            await member.Page.GetByLabel("Agenda item", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "5. Leadership programme progress" });
            await member.Page.GetByLabel("Interest", new() { Exact = true }).FillAsync("Employed by a provider in the programme");
            await member.Page.GetByLabel("Action taken (for example, left the room)", new() { Exact = true }).FillAsync("Took no part in the decision");
            await member.Page.GetByRole(AriaRole.Button, new() { Name = "Declare an interest" }).ClickAsync();
            await member.Page.GetByText("Employed by a provider in the programme").WaitForAsync();
            (await member.MainTextAsync()).Should().Contain("Item 5: NHS England representative", "a member declares as the person who sits for them, so that a vote recuses them");
            await member.StepAsync("interest declared");
        }

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Full pack (PDF)" }).ClickAsync();
        await page.Locator(".pdf-status.done").WaitForAsync(new() { Timeout = 90_000 });
        (await page.Locator(".pdf-status").InnerTextAsync()).Should().Contain("The PDF is ready");
        await secretary.StepAsync("pdf pack ready");

        await page.GetByRole(AriaRole.Link, new() { Name = "Public pack (HTML)" }).ClickAsync();
        (await page.ContentAsync()).Should().Contain("Leadership programme progress report");
        await secretary.StepAsync("public pack");

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByText("You are signed out").WaitForAsync();
        await secretary.StepAsync("signed out");
    }

    [ChromiumFact]
    public async Task ShouldShowTheDraftMinutes_WhenTheSecretaryRecordsAMeetingThatWasHeld()
    {
        await using var secretary = await server.NewJourneyAsync("secretary-drafts-minutes");
        var page = secretary.Page;
        await secretary.SignInAsync("ldib-secretary", Password);
        var meetingId = await SecretaryDesk.HoldPastMeetingAsync(secretary, daysAgo: 7);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Minutes editor" }).WaitForAsync();
        await secretary.StepAsync("minutes editor");

        await page.GetByLabel("Discussion").First.FillAsync("The chair welcomed members; there were no apologies.");
        await page.GetByLabel("Decisions, one a line").Nth(2).FillAsync("The minutes of the last meeting were approved as a true record.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft minutes" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Minutes (draft)" }).WaitForAsync();
        (await secretary.MainTextAsync()).Should().Contain("The chair welcomed members").And.Contain("Decision: The minutes of the last meeting were approved");
        await secretary.StepAsync("draft minutes");

        await using var visitor = await server.NewJourneyAsync("anonymous-and-draft-minutes");
        await visitor.Page.GotoAsync($"/boards/ldib/meetings/{meetingId}");
        (await visitor.MainTextAsync()).Should().NotContain("The chair welcomed members", "draft minutes are the board's until approved");
    }

    [ChromiumFact]
    public async Task ShouldNotShowAPrivatePaper_WhenAnAnonymousVisitorAsksForIt()
    {
        const string privateTitle = "Confidential: provider financial recovery";
        string privatePaperId;
        await using (var secretary = await server.NewJourneyAsync("private-paper-setup"))
        {
            await secretary.SignInAsync("ldib-secretary", Password);
            var meetingId = await SecretaryDesk.PlanMeetingAsync(secretary, daysAhead: 50);
            privatePaperId = await SecretaryDesk.WritePublishedPaperAsync(secretary, meetingId, "Provider recovery", privateTitle);
            await SecretaryDesk.WritePublishedPaperAsync(secretary, meetingId, "Workforce race equality", "Workforce race equality standard");
            await SecretaryDesk.AddItemAsync(secretary, meetingId, "Provider financial recovery", privateTitle, inPrivate: true);
            await SecretaryDesk.AddItemAsync(secretary, meetingId, "Workforce race equality", "Workforce race equality standard", inPrivate: false);
            await SecretaryDesk.PublishAgendaAsync(secretary, meetingId);
        }

        await using var visitor = await server.NewJourneyAsync("anonymous-visitor-and-private-paper");
        var page = visitor.Page;
        var answer = await page.GotoAsync($"/papers/{privatePaperId}");
        answer!.Status.Should().Be(404);
        (await visitor.MainTextAsync()).Should().Contain("Page not found").And.NotContain(privateTitle);
        await visitor.StepAsync("private paper refused");

        await page.GotoAsync("/papers");
        (await visitor.MainTextAsync()).Should().Contain("Workforce race equality standard").And.NotContain(privateTitle);
        await visitor.StepAsync("public papers");

        await page.GetByRole(AriaRole.Link, new() { Name = "Workforce race equality standard" }).ClickAsync();
        (await visitor.MainTextAsync()).Should().Contain("Spending is on plan");
        await visitor.StepAsync("public paper");

        var meetingPath = await page.Locator(".breadcrumbs a").Last.GetAttributeAsync("href");
        await page.GotoAsync(meetingPath!);
        (await visitor.MainTextAsync()).Should().Contain("Workforce race equality").And.NotContain("Provider financial recovery");
        await visitor.StepAsync("public meeting page");

        await page.GotoAsync($"/api/boards/ldib/meetings/{meetingPath!.Split('/')[^1]}/pack");
        (await page.ContentAsync()).Should().NotContain(privateTitle);

        await using var member = await server.NewJourneyAsync("member-reads-private-paper");
        await member.SignInAsync("ldib-member", Password);
        await member.Page.GotoAsync($"/papers/{privatePaperId}");
        (await member.MainTextAsync()).Should().Contain(privateTitle).And.Contain("Private");
        await member.StepAsync("member reads private paper");
    }
}
