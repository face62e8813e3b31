using System.Net;
using System.Net.Http.Json;
using BoardDesk.Decisions;
using BoardDesk.Meetings;
using BoardDesk.Notifications;
using BoardDesk.Server.Email;
using Microsoft.Extensions.DependencyInjection;
using BoardDesk.Server.Tests.Decisions;
using BoardDesk.Testing;
using Ical.Net;
using MimeKit;

namespace BoardDesk.Server.Tests.Notifications;

/// <summary>
/// Email through a real SMTP server in the test process: what arrives (headers, both parts, the invitation parsed
/// back with Ical.Net against the board's feed), people's choices and one-click unsubscribe, and parked emails.
/// </summary>
public sealed class EmailTests : IDisposable
{
    private const string Meeting = $"/api/boards/ldib/meetings/{LdibBoard.MeetingId}";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldEmailMembersAnInvitationWithTheFeedsUidAndSequence_WhenAMeetingIsPlannedMovedAndCancelled()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var api = Api(_folder, smtp);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();

        await LdibBoard.PostAsync<MeetingDetails>(ldib.Operator, "/api/boards/ldib/meetings", new { meetingId = LdibBoard.MeetingId, startsAt = "10:00:00", endsAt = "12:30:00", location = "Wellington House, London" }, HttpStatusCode.Created);
        var invitations = await smtp.WaitForAsync(m => Of(m, "MeetingInvitation").Count == 2, "an invitation to each member with an address");

        Of(invitations, "MeetingInvitation").Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(["ldib-chair@ldib.example.org", "ldib-member@ldib.example.org"],
            "the two seats linked to sample accounts with an address; the accounts without one get nothing");
        var feed = Calendar.Load(await ldib.Operator.GetStringAsync("/api/boards/ldib/calendar.ics"))!.Events.Single();
        foreach (var invitation in Of(invitations, "MeetingInvitation"))
        {
            invitation.MessageId.Should().EndWith("@ldib.example.org");
            invitation.From.Mailboxes.Single().Address.Should().Be("boarddesk@ldib.example.org");
            invitation.Subject.Should().Be("National Leadership Development and Improvement Board: meeting on 23 October 2015");
            invitation.TextBody.Should().Contain("Friday 23 October 2015, 10:00 to 12:30 (UK time), Wellington House, London")
                .And.Contain("https://boarddesk.ldib.example.org/boards/ldib/meetings/2015-10-23");
            invitation.HtmlBody.Should().Contain("<a href=\"https://boarddesk.ldib.example.org/boards/ldib/meetings/2015-10-23\">");
            invitation.Headers[HeaderId.ListUnsubscribePost].Should().Be("List-Unsubscribe=One-Click");
            invitation.Headers[HeaderId.ListUnsubscribe].Should().StartWith("<https://boarddesk.ldib.example.org/api/notifications/unsubscribe?token=");

            var calendar = Calendar.Load(Ics(invitation))!;
            calendar.Method.Should().Be("REQUEST");
            var entry = calendar.Events.Single();
            entry.Uid.Should().Be(feed.Uid).And.Be("ldib-2015-10-23@boarddesk");
            entry.Sequence.Should().Be(feed.Sequence);
            entry.Start!.AsUtc.Should().Be(new DateTime(2015, 10, 23, 9, 0, 0, DateTimeKind.Utc), "10:00 in London on 23 October 2015 was BST");
            entry.Attendees.Single().Value!.ToString().Should().Be($"mailto:{invitation.To.Mailboxes.Single().Address}");
        }

        // The meeting moves to the afternoon: an updated invitation, the same UID, a higher SEQUENCE, as in the feed.
        var refused = await ldib.Operator.PutAsJsonAsync($"{Meeting}/schedule", new { startsAt = "14:00:00", endsAt = "13:00:00", location = "Wellington House, London" });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("endsAt");
        (await ldib.Operator.PutAsJsonAsync($"{Meeting}/schedule", new { startsAt = "14:00:00", endsAt = "16:00:00", location = "Wellington House, London" })).EnsureSuccessStatusCode();
        var moves = Of(await smtp.WaitForAsync(m => Of(m, "MeetingInvitation").Count == 4, "an updated invitation to each member"), "MeetingInvitation").Where(m => m.Subject!.StartsWith("Moved:", StringComparison.Ordinal)).ToList();
        var movedFeed = Calendar.Load(await ldib.Operator.GetStringAsync("/api/boards/ldib/calendar.ics"))!.Events.Single();
        moves.Should().HaveCount(2);
        foreach (var move in moves)
        {
            move.Subject.Should().Be("Moved: National Leadership Development and Improvement Board, meeting on 23 October 2015");
            move.TextBody.Should().Contain("Friday 23 October 2015, 10:00 to 12:30 has moved: it is now on Friday 23 October 2015, 14:00 to 16:00 (UK time)");
            var calendar = Calendar.Load(Ics(move))!;
            calendar.Method.Should().Be("REQUEST");
            calendar.Events.Single().Uid.Should().Be(feed.Uid);
            calendar.Events.Single().Sequence.Should().Be(movedFeed.Sequence).And.BeGreaterThan(feed.Sequence);
            calendar.Events.Single().Start!.AsUtc.Should().Be(new DateTime(2015, 10, 23, 13, 0, 0, DateTimeKind.Utc));
        }

        await LdibBoard.PostAsync<MeetingDetails>(ldib.Operator, $"{Meeting}/cancel", new { reason = "The chair is unwell." });
        var cancellations = Of(await smtp.WaitForAsync(m => Of(m, "MeetingCancelled").Count == 2, "a cancellation to each member"), "MeetingCancelled");
        var cancelledFeed = Calendar.Load(await ldib.Operator.GetStringAsync("/api/boards/ldib/calendar.ics"))!.Events.Single();
        foreach (var cancellation in cancellations)
        {
            var calendar = Calendar.Load(Ics(cancellation))!;
            calendar.Method.Should().Be("CANCEL");
            calendar.Events.Single().Uid.Should().Be(feed.Uid);
            calendar.Events.Single().Sequence.Should().Be(cancelledFeed.Sequence).And.BeGreaterThan(movedFeed.Sequence);
            calendar.Events.Single().Status.Should().Be("CANCELLED");
            cancellation.TextBody.Should().Contain("is cancelled: The chair is unwell.");
        }

        smtp.Messages.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task ShouldSendNoneOfAKind_WhenThePersonTurnedItOffOrUnsubscribedWithOneClick()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var api = Api(_folder, smtp);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        var member = ldib.Voters["nhs-england"];

        // The member turns board packs off; turning off a vote's deadlines is refused, naming the field, and changes nothing.
        var refused = await member.PutAsJsonAsync("/api/account/notifications", new { off = new[] { "PackPublished", "VoteOpened" } });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("\"off\"").And.Contain("cannot be turned off");
        (await LdibBoard.GetAsync<NotificationPreferences>(member, "/api/account/notifications")).Off.Should().BeEmpty();

        // The member turns board packs off on their email choices page; an hour out of range is refused, naming the field.
        var browser = await api.SignedInClientAsync("ldib-member");
        var page = await browser.GetStringAsync("/account/notifications");
        page.Should().Contain("ldib-member@ldib.example.org").And.Contain("Votes opened</label> <span class=\"hint\" id=\"kind-VoteOpened-hint\">(cannot be turned off)</span>");
        var on = Enum.GetValues<NotificationKind>().Where(k => k != NotificationKind.PackPublished && !NotificationKinds.Mandatory.Contains(k)).Select(k => KeyValuePair.Create("on", k.ToString())).ToList();
        var badHour = await PostChoicesAsync(browser, page, [.. on, new("delivery", "Immediately"), new("digestHour", "24")]);
        badHour.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badHour.Content.ReadAsStringAsync()).Should().Contain("There is a problem").And.Contain("#digest-hour").And.Contain("The digest&#x27;s hour is 0 to 23, UK time.");
        (await LdibBoard.GetAsync<NotificationPreferences>(member, "/api/account/notifications")).Off.Should().BeEmpty("a refused form changes nothing");
        var saved = await PostChoicesAsync(browser, page, [.. on, new("delivery", "Immediately"), new("digestHour", "8")]);
        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).Should().Contain("Your choices are saved.").And.Contain("id=\"kind-PackPublished\" name=\"on\" value=\"PackPublished\" />");
        (await LdibBoard.GetAsync<NotificationPreferences>(member, "/api/account/notifications")).Off.Should().Equal(NotificationKind.PackPublished);

        // The chair unsubscribes from invitations with the one-click link of the first one, as a mail client does (RFC 8058).
        await LdibBoard.PostAsync<MeetingDetails>(ldib.Operator, "/api/boards/ldib/meetings", new { meetingId = LdibBoard.MeetingId, startsAt = "10:00:00", endsAt = "12:30:00", location = "Wellington House" }, HttpStatusCode.Created);
        var first = await smtp.WaitForAsync(m => Of(m, "MeetingInvitation").Count == 2, "the first invitations");
        var link = new Uri(Of(first, "MeetingInvitation").Single(m => m.To.Mailboxes.Single().Address.StartsWith("ldib-chair", StringComparison.Ordinal)).Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>'));
        using var anonymous = api.CreateClient();
        (await anonymous.GetAsync(link.PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.OK, "following the link only shows what it would do");
        (await anonymous.PostAsync(link.PathAndQuery.Replace("token=", "token=x", StringComparison.Ordinal), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode.Should().Be(HttpStatusCode.NotFound, "an altered token is no link");
        var done = await LdibBoard.ReadAsync<Endpoints.Notifications.UnsubscribeAnswer>(await anonymous.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])));
        done.Should().Be(new Endpoints.Notifications.UnsubscribeAnswer(NotificationKind.MeetingInvitation, "meeting invitations", Done: true));
        (await LdibBoard.GetAsync<NotificationPreferences>(ldib.Chair, "/api/account/notifications")).Off.Should().Equal(NotificationKind.MeetingInvitation);

        await LdibBoard.PostAsync<MeetingDetails>(ldib.Operator, $"{Meeting}/agenda/publish", null);
        await LdibBoard.PostAsync<MeetingDetails>(ldib.Operator, "/api/boards/ldib/meetings", new { meetingId = "2015-11-20", startsAt = "10:00:00", endsAt = "12:00:00", location = "Wellington House" }, HttpStatusCode.Created);
        var after = await smtp.WaitForAsync(m => Of(m, "PackPublished").Count >= 1 && Of(m, "MeetingInvitation").Count >= 3, "the pack and the second meeting's invitation");

        Of(after, "PackPublished").Select(m => m.To.Mailboxes.Single().Address).Should().Equal(["ldib-chair@ldib.example.org"], "the member turned board packs off");
        Of(after, "MeetingInvitation").Where(m => m.Subject!.Contains("20 November", StringComparison.Ordinal)).Select(m => m.To.Mailboxes.Single().Address)
            .Should().Equal(["ldib-member@ldib.example.org"], "the chair unsubscribed from invitations");
        var skipped = await Outbox(api).ListAsync(OutboxMessageStatus.Skipped);
        skipped.Should().Contain(m => m.UserName == "ldib-member" && m.Kind == NotificationKind.PackPublished && m.LastError == "ldib-member turned off emails about board packs published");
        skipped.Should().Contain(m => m.UserName == "voter-hee" && m.LastError == "the account has no email address");
    }

    [Fact]
    public async Task ShouldParkAndShowTheAdministratorAndSendOnRequest_WhenTheSmtpServerRefusesAnEmail()
    {
        await using var smtp = await SmtpSink.StartAsync(refuse: true);
        await using var api = Api(_folder, smtp);
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        var admin = await api.SignedInClientAsync("admin");

        await LdibBoard.PostAsync<MeetingDetails>(ldib.Operator, "/api/boards/ldib/meetings", new { meetingId = LdibBoard.MeetingId, startsAt = "10:00:00", endsAt = "12:30:00", location = "Wellington House" }, HttpStatusCode.Created);
        OutboxMessage[] parked = [];
        await DecisionCrashTests.WaitUntilAsync(async () => (parked = await LdibBoard.GetAsync<OutboxMessage[]>(admin, "/api/notifications/parked")).Length == 2, "both invitations parked");
        parked.Should().OnlyContain(m => m.Attempts == 1 && m.LastError!.StartsWith("The SMTP server refused it: 554", StringComparison.Ordinal), "a 554 is permanent: parked at the first refusal, not retried in a loop");
        (await ldib.Chair.GetAsync("/api/notifications/parked")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        smtp.Messages.Should().BeEmpty();

        // The administrator's page lists both, with why; the chair's page of parked emails does not exist for them.
        var page = await admin.GetStringAsync("/notifications/parked");
        page.Should().Contain("LDIB chair, Monitor&#x27;s representative").And.Contain("ldib-chair@ldib.example.org").And.Contain("The SMTP server refused it: 554");
        (await (await api.SignedInClientAsync("ldib-chair")).GetAsync("/notifications/parked")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        smtp.Refuse = false;
        var chairs = parked.Single(m => m.UserName == "ldib-chair");
        var resent = await PageForms.PostAsync(admin, "/notifications/parked", page, $"resend-{chairs.Id}", []);
        resent.StatusCode.Should().Be(HttpStatusCode.OK);
        (await resent.Content.ReadAsStringAsync()).Should().Contain("The email is back in the queue");
        var sent = await smtp.WaitForAsync(m => m.Count == 1, "the chair's invitation once the administrator sends it again");
        sent.Single().To.Mailboxes.Single().Address.Should().Be("ldib-chair@ldib.example.org");
        (await admin.PostAsJsonAsync("/api/notifications/parked/retry", new { id = chairs.Id })).StatusCode.Should().Be(HttpStatusCode.NotFound, "it is no longer parked");
        (await admin.PostAsJsonAsync("/api/notifications/parked/retry", new { id = "" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await DecisionCrashTests.WaitUntilAsync(async () => (await LdibBoard.GetAsync<OutboxMessage[]>(admin, "/api/notifications/parked")).Length == 1, "only the member's left parked");
    }

    [Fact]
    public async Task ShouldSendTheDaysNoticesInOneDigestAtTheChosenHourAndVoteDeadlinesAtOnce_WhenAPersonChoseADailyDigest()
    {
        // Delivery runs on a clock the test moves on to the digest hour; the domain keeps the real clock.
        var delivery = new ManualClock(DateTimeOffset.UtcNow);
        var hour = (TimeZoneInfo.ConvertTime(delivery.Now, UkTime.Zone).Hour + 1) % 24;
        await using var smtp = await SmtpSink.StartAsync();
        await using var api = Api(_folder, smtp, s => s.AddKeyedSingleton<TimeProvider>(EmailOptions.DeliveryClock, delivery));
        var ldib = new LdibBoard(api);
        await ldib.SignInAsync();
        var member = await api.TokenClientAsync("ldib-member");
        (await member.PutAsJsonAsync("/api/account/notifications", new { delivery = "DailyDigest", digestHour = hour })).EnsureSuccessStatusCode();

        // Two actions for the member (digested), and a written procedure closing in a day and a few seconds (never digested).
        await LdibBoard.CreateActionAsync(ldib.Operator, "nilds-terms", "Draft the terms of reference of the NILDS working group.", "nhs-england", new DateOnly(2099, 1, 31), owner: "ldib-member");
        await LdibBoard.CreateActionAsync(ldib.Operator, "nilds-budget", "Cost the NILDS programme for 2016/17.", "nhs-england", new DateOnly(2099, 2, 28), owner: "ldib-member");
        var closesAt = DateTimeOffset.UtcNow + DecisionGrain.ClosingSoonNotice + TimeSpan.FromSeconds(15);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Operator, "/api/boards/ldib/decisions", new
        {
            decisionId = "ldib-written-digest",
            closesAt,
            motion = "The board agrees the terms of reference of the NILDS working group.",
            method = "SimpleMajority",
            ballot = "Named",
            unit = "Organisation",
        }, HttpStatusCode.Created);
        await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, "/api/decisions/ldib-written-digest/open", null);

        var closing = Of(await smtp.WaitForAsync(m => Of(m, "VoteClosingSoon").Count == 2, "the vote closing soon, a day before it closes"), "VoteClosingSoon");
        closing.Select(m => m.To.Mailboxes.Single().Address).Should().Equal(["ldib-chair@ldib.example.org", "ldib-member@ldib.example.org"], "a vote's deadline goes at once, even to a person with a digest");
        closing.Should().OnlyContain(m => m.Subject == "Vote closing soon" && m.TextBody!.Contains($"closes on {UkTime.Describe(closesAt)} (UK time)", StringComparison.Ordinal) && m.Headers[HeaderId.ListUnsubscribe] == null);
        var held = (await Outbox(api).ListAsync(OutboxMessageStatus.Pending)).Where(m => m.UserName == "ldib-member").ToList();
        held.Should().HaveCount(2).And.OnlyContain(m => m.Kind == NotificationKind.ActionAssigned && m.Digest);
        var digestAt = NoticeAddressing.NextDigest(delivery.Now, hour);
        held.Should().OnlyContain(m => m.NextAttemptAt == digestAt, "held until the member's hour");
        smtp.Messages.Should().NotContain(m => m.To.Mailboxes.Single().Address == "ldib-member@ldib.example.org" && m.Headers["X-BoardDesk-Kind"] != "VoteOpened" && m.Headers["X-BoardDesk-Kind"] != "VoteClosingSoon");

        delivery.Now = digestAt.AddSeconds(1);
        var digest = Of(await smtp.WaitForAsync(m => Of(m, "Digest").Count == 1, "the member's digest at their hour"), "Digest").Single();

        digest.To.Mailboxes.Single().Address.Should().Be("ldib-member@ldib.example.org");
        digest.Subject.Should().Be($"BoardDesk: your digest of {UkTime.DateOf(delivery.Now):d MMMM yyyy} (2 notices)");
        foreach (var subject in new[] { "Action assigned to you: Draft the terms of reference of the NILDS working group.", "Action assigned to you: Cost the NILDS programme for 2016/17." })
        {
            digest.TextBody.Should().Contain(subject);
            digest.HtmlBody.Should().Contain(System.Net.WebUtility.HtmlEncode(subject));
        }

        digest.TextBody.Should().Contain("https://boarddesk.ldib.example.org/actions/nilds-terms").And.Contain("https://boarddesk.ldib.example.org/actions/nilds-budget");
        await DecisionCrashTests.WaitUntilAsync(async () => (await Outbox(api).ListAsync(OutboxMessageStatus.Accepted)).Count(m => m.UserName == "ldib-member" && m.Digest) == 2, "both notices recorded as sent");
        Of(smtp.Messages, "ActionAssigned").Should().NotContain(m => m.To.Mailboxes.Single().Address == "ldib-member@ldib.example.org", "the member's actions came in the digest only");
    }

    private static Task<HttpResponseMessage> PostChoicesAsync(HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync("/account/notifications", new FormUrlEncodedContent([.. fields, new("_handler", "email-choices"), new("__RequestVerificationToken", PageForms.TokenOf(page))]));

    internal static BoardDeskApi Api(TemporaryFolder folder, SmtpSink smtp, Action<IServiceCollection>? services = null) =>
        new(folder.Path, LdibBoard.Settings.Concat(smtp.Settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).ToDictionary(), services);

    internal static List<MimeMessage> Of(IEnumerable<MimeMessage> messages, string kind) =>
        messages.Where(m => m.Headers["X-BoardDesk-Kind"] == kind).OrderBy(m => m.To.Mailboxes.Single().Address, StringComparer.Ordinal).ToList();

    internal static string Ics(MimeMessage message)
    {
        var part = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static INotificationOutboxGrain Outbox(BoardDeskApi api) =>
        api.Services.GetRequiredService<IGrainFactory>().GetGrain<INotificationOutboxGrain>(NotificationOutboxGrain.OutboxKey);
}
