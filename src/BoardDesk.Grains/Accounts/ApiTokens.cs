using System.Security.Cryptography;
using System.Text;

namespace BoardDesk.Accounts;

/// <summary>
/// API tokens: <c>bd_&lt;id&gt;_&lt;secret&gt;</c>, where the id (64 random bits) finds the token and the secret
/// (256 random bits) proves it. Only the secret's SHA-256 is stored: with that much entropy a fast hash suffices.
/// </summary>
public static class ApiTokens
{
    private const string Prefix = "bd_";

    /// <summary>Makes a new token: its id, its full text (shown once) and the hash to store.</summary>
    public static (string Id, string Token, string SecretHash) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>Splits a presented token into id and secret; false when it is not one of BoardDesk's tokens.</summary>
    public static bool TryParse(string? token, out string id, out string secret)
    {
        id = secret = "";
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 128)
        {
            return false;
        }

        var parts = token[Prefix.Length..].Split('_', 2);
        if (parts.Length != 2 || parts[0].Length != 16 || !parts[0].All(char.IsAsciiHexDigitLower) || parts[1].Length < 40)
        {
            return false;
        }

        (id, secret) = (parts[0], parts[1]);
        return true;
    }

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(secretHash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
