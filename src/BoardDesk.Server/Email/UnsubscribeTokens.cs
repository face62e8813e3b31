using System.Security.Cryptography;
using System.Text;
using BoardDesk.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace BoardDesk.Server.Email;

/// <summary>
/// The signed tokens of one-click unsubscribe links (RFC 8058): a person and a kind, protected with the server's
/// data-protection key ring, so that a link unsubscribes only the person it was sent to, from only that kind.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("BoardDesk.Notifications.Unsubscribe.v1");

    /// <summary>The token for a person and a kind.</summary>
    public string Issue(string userName, NotificationKind kind) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes($"{userName}\n{kind}")));

    /// <summary>The person and kind of a genuine token; null for anything else.</summary>
    public (string UserName, NotificationKind Kind)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var parts = text.Split('\n');
            return parts.Length == 2 && Enum.TryParse<NotificationKind>(parts[1], out var kind) && Enum.IsDefined(kind) ? (parts[0], kind) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
