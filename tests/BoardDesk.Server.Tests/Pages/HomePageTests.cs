using System.Net;
using System.Net.Http.Json;
using BoardDesk.Decisions;
using BoardDesk.Server.Tests.Decisions;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Pages;

/// <summary>Home, once signed in, is the person's own page: their meetings, papers, votes and actions.</summary>
public sealed class HomePageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldShowTheMembersMeetingsPapersVotesAndActions_WhenTheySignIn()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        await ldib.HoldMeetingAsync();
        var next = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var nextId = next.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await ldib.Operator.PostAsJsonAsync("/api/boards/ldib/meetings", new { meetingId = nextId, startsAt = "10:00:00", endsAt = "12:00:00", location = "Skipton House" })).EnsureSuccessStatusCode();
        (await ldib.Operator.PostAsJsonAsync("/api/papers", new
        {
            id = "home-strategy", boardId = "ldib", meetingId = nextId,
            content = new { title = "Improvement strategy, first draft", purpose = "ForDiscussion", author = "Secretariat", sponsoringOrganisationId = "monitor", body = "One." },
        })).EnsureSuccessStatusCode();
        (await ldib.Operator.PostAsJsonAsync("/api/papers", new
        {
            id = "home-unpublished", boardId = "ldib", meetingId = nextId,
            content = new { title = "A draft not yet circulated", purpose = "ForDiscussion", author = "Secretariat", sponsoringOrganisationId = "monitor", body = "One." },
        })).EnsureSuccessStatusCode();
        foreach (var step in new[] { "submit", "approve", "publish" })
        {
            (await ldib.Operator.PostAsync($"/api/papers/home-strategy/{step}", null)).EnsureSuccessStatusCode();
        }

        foreach (var (id, motion) in new[] { ("home-voted", "The teams are hosted by NHS Improvement."), ("home-open", "The academy moves to Health Education England.") })
        {
            await LdibBoard.PostAsync<DecisionDetails>(ldib.Operator, "/api/boards/ldib/decisions", new
            {
                decisionId = id, meetingId = LdibBoard.MeetingId, agendaItemId = ldib.ItemId, motion, method = "SimpleMajority", ballot = "Named", unit = "Representative",
            }, HttpStatusCode.Created);
            await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, $"/api/decisions/{id}/open", null);
        }

        await LdibBoard.PostAsync<DecisionDetails>(ldib.Voters["nhs-england"], "/api/decisions/home-voted/ballots", new { voter = "NHS England representative", choice = "Against" });
        await LdibBoard.CreateActionAsync(ldib.Operator, "home-action", "Write the succession plan for the top 200 leaders.", "nhs-england", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3), owner: "ldib-member");

        var member = await (await api.SignedInClientAsync("ldib-member")).GetStringAsync("/");
        var hee = await (await api.SignedInClientAsync("voter-hee")).GetStringAsync("/");

        member.Should().Contain("Your next meetings").And.Contain($"National Leadership Development and Improvement Board, {next.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}")
            .And.Contain("Improvement strategy, first draft").And.NotContain("A draft not yet circulated", "a draft is not a paper to read yet")
            .And.Contain("You voted: Against").And.Contain("Not voted yet")
            .And.Contain("Write the succession plan for the top 200 leaders.").And.Contain("Overdue: due").And.Contain("(3 days ago)")
            .And.NotContain("Due within", "one due line, never two that disagree");
        hee.Should().Contain("Recused: you do not vote", "Health Education England's representative declared an interest in the item");
    }
}
