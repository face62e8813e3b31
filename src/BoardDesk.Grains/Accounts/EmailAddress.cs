using System.Net.Mail;
using BoardDesk.Grains;

namespace BoardDesk.Accounts;

/// <summary>The one rule for an account's email address: a single plain address (<c>name@domain</c>), at most 254 characters.</summary>
public static class EmailAddress
{
    /// <summary>The address trimmed, or null for none; <see cref="ValidationException"/> on the field <c>email</c> otherwise.</summary>
    public static string? Check(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > 254 || trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new ValidationException("email", "An email address is a single address such as name@example.org, at most 254 characters.");
        }

        return trimmed;
    }
}
