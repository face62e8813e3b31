using BoardDesk.Testing;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>The standing register of interests: a member declares an interest, and declares the conflict it proposes before a meeting.</summary>
public sealed class InterestsJourneyTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Password = ServerProcess.SamplePassword;
    private const string Item = "Leadership development for trainees";

    [ChromiumFact]
    public async Task ShouldDeclareTheProposedConflict_WhenAMemberReviewsTheProposedConflictsBeforeTheMeeting()
    {
        await using var member = await server.NewJourneyAsync("interests-member-declares");
        await member.SignInAsync("ldib-member", Password);
        await member.Page.GotoAsync("/interests");
        await member.StepAsync("empty register");
        await member.Page.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync("NonFinancialProfessional");
        await member.Page.GetByLabel("What the interest is", new() { Exact = true }).FillAsync("Member of Health Education England's leadership advisory group.");
        await member.Page.GetByLabel("Organisation concerned", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Health Education England" });
        await member.Page.GetByLabel("Your role in it", new() { Exact = true }).FillAsync("Adviser");
        await member.Page.GetByLabel("From", new() { Exact = true }).FillAsync("2015-04-01");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Declare the interest" }).ClickAsync();
        await member.Page.GetByText("since 1 April 2015").WaitForAsync();
        (await member.MainTextAsync()).Should().Contain("Non-financial professional interest").And.Contain("Published on the board's register.");
        await member.StepAsync("interest declared");

        await using var secretary = await server.NewJourneyAsync("interests-secretary-sets-concerns");
        await secretary.SignInAsync("ldib-secretary", Password);
        var meetingId = await SecretaryDesk.PlanMeetingAsync(secretary, daysAhead: 30);
        await SecretaryDesk.AddItemAsync(secretary, meetingId, Item, paperTitle: null, inPrivate: false);
        await secretary.Page.Locator("#concerns-item").SelectOptionAsync(new SelectOptionValue { Label = $"5. {Item}" });
        await secretary.Page.Locator("#concerns-organisation").SelectOptionAsync(new SelectOptionValue { Label = "Health Education England" });
        await secretary.Page.GetByRole(AriaRole.Button, new() { Name = "Set what the item concerns" }).ClickAsync();
        await secretary.Page.GetByText($"Item 5, {Item}: Health Education England.").WaitForAsync();
        (await secretary.MainTextAsync()).Should().Contain("NHS England representative: You declared a non-financial professional interest in Health Education England; item 5 concerns Health Education England.");
        await secretary.StepAsync("item concerns and proposed conflicts");
        await SecretaryDesk.PublishAgendaAsync(secretary, meetingId);

        await member.Page.GotoAsync("/interests");
        var conflict = member.Page.Locator(".conflict", new() { HasText = Item });
        (await conflict.InnerTextAsync()).Should().Contain("You declared a non-financial professional interest in Health Education England; item 5 concerns Health Education England.");
        await member.StepAsync("proposed conflict");
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Declare this interest for item 5" }).ClickAsync();
        await member.Page.Locator(".conflict .tag", new() { HasText = "Declared" }).WaitForAsync();
        await member.StepAsync("conflict declared");

        await member.Page.GotoAsync($"/boards/ldib/meetings/{meetingId}");
        (await member.MainTextAsync()).Should()
            .Contain("NHS England representative, Non-financial professional interest: Member of Health Education England's leadership advisory group.")
            .And.Contain("Item 5, NHS England representative: Not yet decided by the chair");
        await member.StepAsync("declaration at the meeting");

        await using var chair = await server.NewJourneyAsync("interests-chair-manages");
        await chair.SignInAsync("ldib-chair", Password);
        await chair.Page.GotoAsync($"/boards/ldib/meetings/{meetingId}");
        await chair.Page.GetByLabel("Decision for NHS England representative", new() { Exact = true }).SelectOptionAsync("TakesNoPartInTheVote");
        await chair.Page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await chair.Page.GetByText("Item 5, NHS England representative: Takes part in the discussion, not in the vote.").WaitForAsync();
        await chair.StepAsync("chair's decision recorded");
    }
}
