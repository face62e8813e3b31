using System.Net;
using System.Net.Http.Json;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Notifications;

/// <summary>The outbox across a SIGKILL: a notice recorded while the SMTP server is down is sent once after the restart.</summary>
public sealed class EmailCrashTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldSendEachEmailExactlyOnce_WhenTheServerIsKilledBetweenRecordingAndSending()
    {
        var port = ServerProcess.FreePort();
        var settings = SmtpSink.SettingsFor(port);
        using (var server = await ServerProcess.StartAsync(_folder.Path, settings))
        {
            await server.AuthorizeAsync("ldib-secretary");
            var planned = await server.Client.PostAsJsonAsync("/api/boards/ldib/meetings", new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:30:00", location = "Wellington House" });
            planned.StatusCode.Should().Be(HttpStatusCode.Created, await planned.Content.ReadAsStringAsync());

            // Nothing listens on the SMTP port: the invitations are recorded and their first attempts fail.
            await WaitUntilAsync(() => server.Output.Split('\n').Count(l => l.Contains("failed (attempt 1)", StringComparison.Ordinal)) >= 2, "both first attempts to fail", server);
            server.Kill();
        }

        await using var smtp = await SmtpSink.StartAsync(port);
        using var restarted = await ServerProcess.StartAsync(_folder.Path, settings);
        var invitations = await smtp.WaitForAsync(m => EmailTests.Of(m, "MeetingInvitation").Count >= 2, "the invitations after the restart");

        // A later email passes through the same sender: once it is here, a duplicate of the earlier ones would be too.
        await restarted.AuthorizeAsync("ldib-secretary");
        (await restarted.Client.PostAsJsonAsync("/api/boards/ldib/meetings/2015-10-23/cancel", new { reason = "Moved to November." })).EnsureSuccessStatusCode();
        var all = await smtp.WaitForAsync(m => EmailTests.Of(m, "MeetingCancelled").Count == 2, "the cancellations");

        EmailTests.Of(all, "MeetingInvitation").Select(m => m.To.Mailboxes.Single().Address).Should().Equal(["ldib-chair@ldib.example.org", "ldib-member@ldib.example.org"]);
        all.Select(m => m.MessageId).Should().OnlyHaveUniqueItems("no email is sent twice");
        all.Should().HaveCount(4);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, ServerProcess server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}. The server said:\n{server.Output}");
            }

            await Task.Delay(100);
        }
    }
}
