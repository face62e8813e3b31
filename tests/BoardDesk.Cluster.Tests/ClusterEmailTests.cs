using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using BoardDesk.Testing;
using MimeKit;

namespace BoardDesk.Cluster.Tests;

/// <summary>
/// Email from a cluster: every node runs a sender, and all of them see the one outbox. The outbox's sending lease lets
/// one sender work at a time, so each email reaches the SMTP server once however many nodes there are.
/// </summary>
public sealed class ClusterEmailTests
{
    private const int Meetings = 8;

    [PostgreSqlFact]
    public async Task ShouldSendEachEmailOnce_WhenEveryNodeOfTheClusterRunsASender()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var smtp = await SmtpSink.StartAsync();
        await using var cluster = new ClusterNodes(database);
        var nodes = new[] { await cluster.StartNodeAsync(smtp.Settings), await cluster.StartNodeAsync(smtp.Settings) };
        (await cluster.ActiveSilosAsync()).Should().Be(2);
        var clients = new[] { await nodes[0].CreateClientAsync("ldib-secretary"), await nodes[1].CreateClientAsync("ldib-secretary") };

        // Meetings planned through both nodes at once: each invites the two members with an address.
        var dates = Enumerable.Range(0, Meetings).Select(n => new DateOnly(2015, 11, 2).AddDays(n * 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        await Task.WhenAll(dates.Select(async (date, n) =>
        {
            var planned = await clients[n % 2].PostAsJsonAsync("/api/boards/ldib/meetings", new { meetingId = date, startsAt = "10:00:00", endsAt = "12:00:00", location = "Wellington House" });
            planned.StatusCode.Should().Be(HttpStatusCode.Created, await planned.Content.ReadAsStringAsync());
        }));
        await smtp.WaitForAsync(m => Of(m, "MeetingInvitation").Count >= 2 * Meetings, "an invitation to each member for each meeting");

        // A later email passes through whichever sender holds the lease: once it is here, a second sender's copies of
        // the invitations would be here too.
        (await clients[1].PostAsJsonAsync($"/api/boards/ldib/meetings/{dates[0]}/cancel", new { reason = "Moved to December." })).EnsureSuccessStatusCode();
        var all = await smtp.WaitForAsync(m => Of(m, "MeetingCancelled").Count >= 2, "the cancellations");

        all.Select(m => m.MessageId).Should().OnlyHaveUniqueItems("no email is sent twice");
        Of(all, "MeetingInvitation").Should().HaveCount(2 * Meetings);
        Of(all, "MeetingInvitation").GroupBy(m => m.To.Mailboxes.Single().Address).Select(g => (g.Key, g.Count()))
            .Should().BeEquivalentTo([("ldib-chair@ldib.example.org", Meetings), ("ldib-member@ldib.example.org", Meetings)]);
        Of(all, "MeetingCancelled").Should().HaveCount(2);
    }

    private static List<MimeMessage> Of(IEnumerable<MimeMessage> messages, string kind) =>
        [.. messages.Where(m => m.Headers["X-BoardDesk-Kind"] == kind)];
}
