using System.Reflection;

namespace BoardDesk.Accounts;

/// <summary>
/// The password rules (OWASP ASVS V6): at least 8 characters and at most 128, any characters allowed, and not a
/// commonly used password or the user name. No composition rules and no forced expiry.
/// </summary>
public static class PasswordRules
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumLength = 8;

    /// <summary>The longest password accepted.</summary>
    public const int MaximumLength = 128;

    private static readonly HashSet<string> Common = LoadCommon();

    /// <summary>Why a password is refused, or null when it is acceptable.</summary>
    public static string? Check(string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return $"A password has at least {MinimumLength} characters.";
        }

        if (password.Length > MaximumLength)
        {
            return $"A password has at most {MaximumLength} characters.";
        }

        var lowered = password.ToLowerInvariant();
        var core = lowered.TrimEnd("0123456789!?.#*$@_-".ToCharArray());
        if (Common.Contains(lowered) || (core.Length >= 6 && Common.Contains(core)))
        {
            return "That password is too common; choose one that others are unlikely to use.";
        }

        if (lowered.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return "A password may not contain the user name.";
        }

        return null;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BoardDesk.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var common = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                common.Add(line.Trim().ToLowerInvariant());
            }
        }

        return common;
    }
}
