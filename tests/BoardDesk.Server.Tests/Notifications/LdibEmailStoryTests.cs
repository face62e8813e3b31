using System.Net;
using System.Net.Http.Json;
using BoardDesk.Actions;
using BoardDesk.Decisions;
using BoardDesk.Server.Tests.Decisions;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Notifications;

/// <summary>The LDIB's meeting of 23 October 2015, its vote and an action, with SMTP configured: who is emailed what.</summary>
public sealed class LdibEmailStoryTests : IDisposable
{
    private const string Meeting = $"/api/boards/ldib/meetings/{LdibBoard.MeetingId}";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldEmailTheExpectedPeopleTheExpectedNotices_WhenTheLdibStoryRuns()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var api = EmailTests.Api(_folder, smtp);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();

        // The meeting is planned and its agenda (the board pack) published; the members vote on the hosting of the teams.
        await ldib.HoldMeetingAsync();
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Operator, "/api/boards/ldib/decisions", new
        {
            decisionId = "ldib-2015-10-23-ist",
            meetingId = LdibBoard.MeetingId,
            agendaItemId = ldib.ItemId,
            motion = "The intensive support teams will be hosted by NHS Improvement.",
            method = "SimpleMajority",
            ballot = "Named",
            unit = "Representative",
        }, HttpStatusCode.Created);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-2015-10-23-ist/open", null);
        foreach (var (organisation, voter) in new[] { ("nhs-england", "NHS England representative"), ("monitor", "Monitor representative"), ("phe", "Public Health England representative") })
        {
            (await ldib.ClientFor(organisation, voter).PostAsJsonAsync("/api/decisions/ldib-2015-10-23-ist/ballots", new { voter, choice = "For" })).EnsureSuccessStatusCode();
        }

        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-2015-10-23-ist/close", new { });

        // The action agreed: Monitor's programme lead reports back, proposes closing it, and the board closes it.
        await LdibBoard.CreateActionAsync(ldib.Operator, "ist-hosting-report", "Report on the hosting of the intensive support teams.", "monitor", new DateOnly(2099, 1, 31));
        var lead = await api.TokenClientAsync("ldib-lead");
        await LdibBoard.PostAsync<ActionDetails>(lead, "/api/actions/ist-hosting-report/updates", new { note = "Report circulated.", on = new DateOnly(2015, 10, 30), status = "ProposedForClosure" });
        await LdibBoard.PostAsync<object>(ldib.Operator, $"{Meeting}/held", null);
        await LdibBoard.PostAsync<ActionDetails>(ldib.Operator, "/api/actions/ist-hosting-report/close", new { meetingId = LdibBoard.MeetingId });

        const string board = "National Leadership Development and Improvement Board";
        (string To, string Kind, string Subject)[] expected =
        [
            ("ldib-chair@ldib.example.org", "MeetingInvitation", $"{board}: meeting on 23 October 2015"),
            ("ldib-member@ldib.example.org", "MeetingInvitation", $"{board}: meeting on 23 October 2015"),
            ("ldib-chair@ldib.example.org", "PackPublished", $"{board}: the board pack for 23 October 2015 is published"),
            ("ldib-member@ldib.example.org", "PackPublished", $"{board}: the board pack for 23 October 2015 is published"),
            ("ldib-chair@ldib.example.org", "VoteOpened", $"{board}: vote open"),
            ("ldib-member@ldib.example.org", "VoteOpened", $"{board}: vote open"),
            ("ldib-chair@ldib.example.org", "VoteOutcome", "Vote outcome: carried"),
            ("ldib-member@ldib.example.org", "VoteOutcome", "Vote outcome: carried"),
            ("ldib-lead@ldib.example.org", "ActionAssigned", "Action assigned to you: Report on the hosting of the intensive support teams."),
            ("ldib-secretary@ldib.example.org", "ActionProposedForClosure", "Action proposed for closure: Report on the hosting of the intensive support teams."),
            ("ldib-lead@ldib.example.org", "ActionClosed", "Action closed: Report on the hosting of the intensive support teams."),
        ];
        var received = await smtp.WaitForAsync(m => m.Count >= expected.Length && EmailTests.Of(m, "ActionClosed").Count == 1, "every notice of the story");

        received.Select(m => (To: m.To.Mailboxes.Single().Address, Kind: m.Headers["X-BoardDesk-Kind"], Subject: m.Subject))
            .Should().BeEquivalentTo(expected, "the accounts without an address (the other seats, their deputies, the test operator) get nothing");
        received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
        received.Should().OnlyContain(m => m.TextBody!.Contains("https://boarddesk.ldib.example.org/", StringComparison.Ordinal) && m.HtmlBody!.Contains("<a href=\"https://boarddesk.ldib.example.org/", StringComparison.Ordinal));
        received.Should().NotContain(m => m.TextBody!.Contains("NHS Improvement", StringComparison.Ordinal), "no motion or paper content is emailed");
        EmailTests.Of(received, "VoteOpened").Should().OnlyContain(m => m.Headers["List-Unsubscribe"] == null, "a vote's deadlines cannot be unsubscribed from");
    }
}
