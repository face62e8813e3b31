using BoardDesk.Testing;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>A member chooses what BoardDesk emails them, and when; the administrator looks at the emails that could not be sent.</summary>
public sealed class EmailChoicesJourneyTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Password = ServerProcess.SamplePassword;

    [ChromiumFact]
    public async Task ShouldKeepTheMembersChoices_WhenTheyTurnAKindOffAndChooseADailyDigest()
    {
        await using var member = await server.NewJourneyAsync("email-choices-member");
        await member.SignInAsync("ldib-member", Password);
        await member.Page.GetByRole(AriaRole.Link, new() { Name = "Email choices" }).ClickAsync();
        await member.Page.GetByRole(AriaRole.Heading, new() { Name = "Your email choices" }).WaitForAsync();
        (await member.Page.GetByLabel("Votes opened", new() { Exact = true }).IsDisabledAsync()).Should().BeTrue("a vote's deadlines cannot be turned off");
        await member.StepAsync("email choices");

        await member.Page.GetByLabel("Board packs published", new() { Exact = true }).UncheckAsync();
        await member.Page.GetByLabel("In one email a day, a daily digest", new() { Exact = true }).CheckAsync();
        await member.Page.GetByLabel("The hour of your daily digest (UK time)", new() { Exact = true }).SelectOptionAsync("7");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Save your choices" }).ClickAsync();
        await member.Page.GetByText("Your choices are saved.").WaitForAsync();
        (await member.Page.GetByLabel("Board packs published", new() { Exact = true }).IsCheckedAsync()).Should().BeFalse();
        (await member.Page.GetByLabel("Actions assigned to you", new() { Exact = true }).IsCheckedAsync()).Should().BeTrue();
        (await member.Page.GetByLabel("In one email a day, a daily digest", new() { Exact = true }).IsCheckedAsync()).Should().BeTrue();
        (await member.Page.GetByLabel("The hour of your daily digest (UK time)", new() { Exact = true }).InputValueAsync()).Should().Be("7");
        await member.StepAsync("email choices saved");

        await using var admin = await server.NewJourneyAsync("email-parked-admin");
        await admin.SignInAsync("admin", Password);
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Parked emails" }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Emails that could not be sent" }).WaitForAsync();
        await admin.StepAsync("parked emails");
    }
}
