using System.Net;
using System.Security.Cryptography;
using System.Text;
using BoardDesk.Accounts;
using BoardDesk.Notifications;
using BoardDesk.Server.Calendars;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BoardDesk.Server.Email;

/// <summary>
/// Writes the emails: a plain-text and an HTML part saying what happened and linking to the page (never a paper's
/// content), an iCalendar invitation for meetings, a Message-ID derived from the outbox id (so that a resent copy
/// is recognisably the same message), and a one-click unsubscribe (RFC 8058) for every kind that can be turned off.
/// </summary>
public sealed class EmailComposer(IOptions<EmailOptions> options, UnsubscribeTokens tokens)
{
    private readonly EmailOptions _options = options.Value;

    /// <summary>The Message-ID (without angle brackets) of an outbox email or digest id.</summary>
    public string MessageIdOf(string outboxId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(outboxId)))[..32];
        return $"{hash}@{FromAddress.Domain}";
    }

    /// <summary>One notice to one person.</summary>
    public MimeMessage Compose(OutboxMessage message, Notice notice, AccountDetails? account, DateTimeOffset now)
    {
        var email = NewMessage(message.Address, account?.DisplayName ?? message.UserName, notice.Subject, MessageIdOf(message.Id), now);
        email.Headers.Add("X-BoardDesk-Kind", notice.Kind.ToString());
        var unsubscribe = Unsubscribe(email, message.UserName, notice.Kind);
        var url = Url(notice.Link);
        var body = new BodyBuilder
        {
            TextBody = $"{notice.Summary}\n\nOpen it in BoardDesk: {url}\n{Footer(unsubscribe, notice.Kind)}",
            HtmlBody = Html($"<p>{Encode(notice.Summary)}</p>\n<p><a href=\"{Encode(url)}\">Open it in BoardDesk</a></p>", unsubscribe, notice.Kind),
        };
        if (notice.Invitation is { } invitation)
        {
            var ics = MeetingCalendar.Invitation(invitation, now, FromAddress.Address, message.Address, account?.DisplayName ?? message.UserName, url);
            var method = invitation.Cancelled ? "CANCEL" : "REQUEST";
            var calendar = new ContentType("text", "calendar") { Charset = "utf-8" };
            calendar.Parameters.Add("method", method);
            body.Attachments.Add("invite.ics", Encoding.UTF8.GetBytes(ics), calendar);
        }

        email.Body = body.ToMessageBody();
        return email;
    }

    /// <summary>A person's daily digest of several notices.</summary>
    public MimeMessage ComposeDigest(string digestId, IReadOnlyList<OutboxDelivery> items, AccountDetails? account, DateTimeOffset now)
    {
        var first = items[0].Message;
        var email = NewMessage(first.Address, account?.DisplayName ?? first.UserName, $"BoardDesk: your digest of {UkTime.DateOf(now):d MMMM yyyy} ({items.Count} notices)", MessageIdOf(digestId), now);
        email.Headers.Add("X-BoardDesk-Kind", "Digest");
        var text = new StringBuilder();
        var html = new StringBuilder();
        foreach (var item in items)
        {
            var url = Url(item.Notice.Link);
            text.Append($"* {item.Notice.Subject}\n  {item.Notice.Summary}\n  {url}\n\n");
            html.Append($"<li><p><a href=\"{Encode(url)}\">{Encode(item.Notice.Subject)}</a></p><p>{Encode(item.Notice.Summary)}</p></li>\n");
        }

        var settings = Url("/account/notifications");
        email.Body = new BodyBuilder
        {
            TextBody = $"{text}Choose what BoardDesk emails you, and when: {settings}\n",
            HtmlBody = $"<!DOCTYPE html><html lang=\"en-GB\"><body><ul>\n{html}</ul><p><a href=\"{Encode(settings)}\">Choose what BoardDesk emails you, and when</a></p></body></html>",
        }.ToMessageBody();
        return email;
    }

    private MailboxAddress FromAddress => MailboxAddress.TryParse(_options.From, out var from) ? from : new MailboxAddress("BoardDesk", "boarddesk@localhost");

    private MimeMessage NewMessage(string address, string displayName, string subject, string messageId, DateTimeOffset now)
    {
        var email = new MimeMessage { Subject = subject, MessageId = messageId, Date = now };
        email.From.Add(FromAddress);
        email.To.Add(new MailboxAddress(displayName, address));
        email.Headers.Add("Auto-Submitted", "auto-generated");
        return email;
    }

    /// <summary>Adds the RFC 8058 headers and returns the link, or null for a kind that cannot be turned off.</summary>
    private string? Unsubscribe(MimeMessage email, string userName, NotificationKind kind)
    {
        if (NotificationKinds.Mandatory.Contains(kind))
        {
            return null;
        }

        var link = Url($"/api/notifications/unsubscribe?token={tokens.Issue(userName, kind)}");
        email.Headers.Add("List-Unsubscribe", $"<{link}>");
        email.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return link;
    }

    private string Footer(string? unsubscribe, NotificationKind kind) => unsubscribe is null
        ? $"\nEmails about {NotificationKinds.Describe(kind)} cannot be turned off. Your other choices: {Url("/account/notifications")}\n"
        : $"\nStop emails about {NotificationKinds.Describe(kind)}: {unsubscribe}\nYour other choices: {Url("/account/notifications")}\n";

    private string Html(string content, string? unsubscribe, NotificationKind kind)
    {
        var footer = unsubscribe is null
            ? $"Emails about {Encode(NotificationKinds.Describe(kind))} cannot be turned off."
            : $"<a href=\"{Encode(unsubscribe)}\">Stop emails about {Encode(NotificationKinds.Describe(kind))}</a>.";
        return $"<!DOCTYPE html><html lang=\"en-GB\"><body>\n{content}\n<p><small>{footer} <a href=\"{Encode(Url("/account/notifications"))}\">Your other choices</a>.</small></p></body></html>";
    }

    private string Url(string path) => $"{_options.PublicBaseUrl.TrimEnd('/')}{path}";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
