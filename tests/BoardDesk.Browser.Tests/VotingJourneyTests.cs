using System.Text.Json.Nodes;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BoardDesk.Testing;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>Voting at a meeting end to end: proposing, recusal, a named and a secret vote, the live tally, the result.</summary>
public sealed class VotingJourneyTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Password = ServerProcess.SamplePassword;

    [ChromiumFact]
    public async Task ShouldShowTheResult_WhenAMemberDeclaresAnInterestAndVotes()
    {
        await using var secretary = await server.NewJourneyAsync("voting-secretary-proposes");
        await secretary.SignInAsync("ldib-secretary", Password);
        var meetingId = await SecretaryDesk.PlanMeetingAsync(secretary, daysAhead: 45);
        await SecretaryDesk.AddItemAsync(secretary, meetingId, "Hosting of the intensive support teams", paperTitle: null, inPrivate: false);
        await SecretaryDesk.AddItemAsync(secretary, meetingId, "Appointment of the academy's managing director", paperTitle: null, inPrivate: false);
        var named = await ProposeAsync(secretary, meetingId, "Hosting of the intensive support teams", "The intensive support teams move to NHS Improvement from April.", secret: false);
        await secretary.StepAsync("named decision proposed");
        var secret = await ProposeAsync(secretary, meetingId, "Appointment of the academy's managing director", "The board appoints the preferred candidate as managing director.", secret: true);
        await SecretaryDesk.PublishAgendaAsync(secretary, meetingId);
        await secretary.Page.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync();
        await secretary.Page.Locator(".notice.success", new() { HasText = "Quorate" }).WaitForAsync();
        (await secretary.MainTextAsync()).Should().Contain("Decisions").And.Contain("The intensive support teams move to NHS Improvement").And.Contain("Proposed: voting has not opened");
        await secretary.StepAsync("meeting with decisions");

        await using var member = await server.NewJourneyAsync("voting-member-votes");
        await member.SignInAsync("ldib-member", Password);
        await member.Page.GotoAsync($"/boards/ldib/meetings/{meetingId}");
        var itemB = await member.Page.Locator("#declare-item option", new() { HasText = "Appointment of the academy's managing director" }).GetAttributeAsync("value");
        await member.Page.GetByLabel("Agenda item", new() { Exact = true }).SelectOptionAsync(itemB!);
        (await member.Page.GetByLabel("Declaring as", new() { Exact = true }).InputValueAsync()).Should().Be("NHS England representative", "a member declares as the person who sits for them at the meeting");
        await member.Page.GetByLabel("Interest", new() { Exact = true }).FillAsync("Sat on the appointment panel's shortlist");
        await member.Page.GetByLabel("Action taken (for example, left the room)", new() { Exact = true }).FillAsync("Took no part in the vote");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Declare an interest" }).ClickAsync();
        await member.Page.GetByText("Sat on the appointment panel's shortlist").WaitForAsync();
        await member.StepAsync("interest declared");

        await using var chair = await server.NewJourneyAsync("voting-chair-opens-and-closes");
        await chair.SignInAsync("ldib-chair", Password);
        foreach (var decision in new[] { secret, named })
        {
            await chair.Page.GotoAsync($"/decisions/{decision}");
            await chair.Page.GetByRole(AriaRole.Button, new() { Name = "Open voting" }).ClickAsync();
            await chair.Page.GetByRole(AriaRole.Button, new() { Name = "Close voting" }).WaitForAsync();
        }

        (await chair.MainTextAsync()).Should().Contain("0 of 6 have voted");
        await chair.StepAsync("named vote open");
        await chair.Page.EvaluateAsync("() => { window.loadedOnce = true; }");

        await member.Page.SetViewportSizeAsync(BrowserJourney.Phone.Width, BrowserJourney.Phone.Height);
        await member.Page.GotoAsync($"/decisions/{secret}");
        (await member.MainTextAsync()).Should().Contain("You are recused from this vote").And.Contain("Sat on the appointment panel's shortlist");
        (await member.Page.GetByRole(AriaRole.Button, new() { Name = "For" }).CountAsync()).Should().Be(0, "a recused member cannot vote");
        await member.StepAsync("recused on the secret vote");

        await member.Page.SetViewportSizeAsync(BrowserJourney.Phone.Width, BrowserJourney.Phone.Height);
        await member.Page.GotoAsync($"/decisions/{named}");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "For", Exact = true }).ClickAsync();
        await member.Page.GetByText("Your vote: For").WaitForAsync();
        (await member.Page.GetByRole(AriaRole.Button, new() { Name = "For", Exact = true }).GetAttributeAsync("aria-current")).Should().Be("true");
        await member.StepAsync("voted for on a phone");

        await chair.Page.Locator("#tally .tally-ballots", new() { HasText = "NHS England representative" }).WaitForAsync(new() { Timeout = 10_000 });
        (await chair.Page.EvaluateAsync<bool>("() => window.loadedOnce === true")).Should().BeTrue("the script refreshed the tally without reloading the page");
        (await chair.Page.Locator("#tally .tally-for dd").InnerTextAsync()).Should().Be("1");
        await chair.StepAsync("member's vote appears live");

        using var monitor = await ApiVoterAsync("ldib-chair", "monitor", create: false);
        using var health = await ApiVoterAsync("journey-phe", "phe");
        await CastAsync(monitor, named, "Monitor representative", "For");
        await CastAsync(health, named, "Public Health England representative", "Against");
        await CastAsync(monitor, secret, "Monitor representative", "For");
        await CastAsync(health, secret, "Public Health England representative", "Against");
        await chair.Page.Locator("#tally .tally-for dd", new() { HasText = "2" }).WaitForAsync(new() { Timeout = 10_000 });
        (await chair.Page.Locator("#tally .tally-against dd").InnerTextAsync()).Should().Be("1");

        await chair.Page.GotoAsync($"/decisions/{secret}");
        var turnout = await chair.Page.Locator("#tally").InnerTextAsync();
        turnout.Should().Contain("2 of 5 have voted").And.NotContain("For").And.NotContain("Against").And.NotContain("Monitor");
        await chair.StepAsync("secret vote shows turnout only");
        await chair.Page.GetByRole(AriaRole.Button, new() { Name = "Close voting" }).ClickAsync();
        await chair.Page.GetByText("Outcome: Tied, so not carried").First.WaitForAsync();
        await chair.StepAsync("secret vote closed");

        await member.Page.SetViewportSizeAsync(BrowserJourney.Phone.Width, BrowserJourney.Phone.Height);
        await member.Page.EvaluateAsync("() => { window.loadedOnce = true; }");
        await chair.Page.GotoAsync($"/decisions/{named}");
        await chair.Page.GetByRole(AriaRole.Button, new() { Name = "Close voting" }).ClickAsync();
        await chair.Page.Locator(".notice.success.outcome", new() { HasText = "Outcome: Carried" }).WaitForAsync();
        await chair.StepAsync("named vote closed");

        await member.Page.Locator("#tally .tally-outcome", new() { HasText = "Outcome: Carried" }).WaitForAsync(new() { Timeout = 10_000 });
        (await member.Page.EvaluateAsync<bool>("() => window.loadedOnce === true")).Should().BeTrue("the result arrived without a reload");
        (await member.Page.Locator(".vote-panel").IsHiddenAsync()).Should().BeTrue("the vote buttons go once voting has closed");
        (await member.Page.Locator("[data-decision-status]").InnerTextAsync()).Should().Be("Voting has closed");
        await member.StepAsync("member sees the result live");
        await member.Page.ReloadAsync();
        (await member.MainTextAsync()).Should().Contain("Outcome: Carried").And.Contain("Voting has closed");
        await member.StepAsync("member sees the result");

        await member.Page.GetByRole(AriaRole.Link, new() { Name = "Decisions", Exact = true }).ClickAsync();
        (await member.MainTextAsync()).Should().Contain("The intensive support teams move to NHS Improvement from April.").And.Contain("Carried");
        await member.StepAsync("board decisions");
    }

    /// <summary>Proposes a decision on an agenda item through the meeting page; returns its id.</summary>
    private static async Task<string> ProposeAsync(BrowserJourney secretary, string meetingId, string itemTitle, string motion, bool secret)
    {
        var page = secretary.Page;
        var item = await page.Locator("#propose-item option", new() { HasText = itemTitle }).GetAttributeAsync("value");
        await page.GetByLabel("Item the decision is taken under", new() { Exact = true }).SelectOptionAsync(item!);
        await page.GetByLabel("Motion", new() { Exact = true }).FillAsync(motion);
        await page.GetByLabel(secret ? "Secret: who voted is shown, never how" : "Named: each vote is shown with who cast it", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose the decision" }).ClickAsync();
        await page.WaitForURLAsync("**/decisions/**");
        (await secretary.MainTextAsync()).Should().Contain(motion).And.Contain("Proposed: voting has not opened");
        var decisionId = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        await page.GotoAsync($"/boards/ldib/meetings/{meetingId}");
        return decisionId;
    }

    /// <summary>
    /// The account holding another voting organisation's seat, made through the API and linked to the seat on the
    /// board when <paramref name="create"/>: the sample data links two seats only, and a seat votes through its holder.
    /// </summary>
    private async Task<HttpClient> ApiVoterAsync(string userName, string organisationId, bool create = true)
    {
        if (create)
        {
            using var admin = await SessionAsync("admin");
            (await admin.PostAsJsonAsync("/api/accounts", new { userName, displayName = $"LDIB member for {organisationId}", password = Password })).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/accounts/{userName}/roles", new { boardId = "ldib", role = "Member", organisationId })).EnsureSuccessStatusCode();
            var board = await admin.GetFromJsonAsync<JsonObject>("/api/boards/ldib");
            foreach (var member in board!["members"]!.AsArray())
            {
                if ((string?)member!["organisationId"] == organisationId)
                {
                    member["userName"] = userName;
                }
            }

            (await admin.PutAsJsonAsync("/api/boards/ldib", board)).EnsureSuccessStatusCode();
        }

        using var session = await SessionAsync(userName);
        var issued = await (await session.PostAsJsonAsync("/api/account/tokens", new { name = "voting journey" })).Content.ReadFromJsonAsync<JsonElement>();
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("token").GetString());
        return client;
    }

    private async Task<HttpClient> SessionAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        (await client.PostAsJsonAsync("/api/session", new { userName, password = Password })).EnsureSuccessStatusCode();
        var antiforgery = await client.GetFromJsonAsync<JsonElement>("/api/session/antiforgery");
        client.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return client;
    }

    private static async Task CastAsync(HttpClient voter, string decisionId, string name, string choice)
    {
        var response = await voter.PostAsJsonAsync($"/api/decisions/{decisionId}/ballots", new { voter = name, choice });
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }
}
