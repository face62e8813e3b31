using System.Globalization;
using System.Security.Claims;
using BoardDesk.Accounts;

namespace BoardDesk.Server.Infrastructure;

/// <summary>Builds the signed-in user's principal from their account, and reads it back.</summary>
public static class AccountPrincipal
{
    /// <summary>The claim holding the account's security stamp when the session began.</summary>
    public const string StampClaim = "boarddesk:stamp";

    /// <summary>The claim holding when the session began (Unix seconds).</summary>
    public const string IssuedClaim = "boarddesk:issued";

    /// <summary>The claim holding the web session's id, which the account must still hold open.</summary>
    public const string SessionClaim = "boarddesk:session";

    /// <summary>The claim marking a system administrator.</summary>
    public const string AdministratorClaim = "boarddesk:admin";

    /// <summary>One claim per board role: <c>board/Role</c> or <c>board/Member/organisation</c>.</summary>
    public const string BoardRoleClaim = "boarddesk:board-role";

    /// <summary>A principal for an account, authenticated by <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal Create(AccountDetails account, string scheme, DateTimeOffset issuedAt, string? sessionId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.GivenName, account.DisplayName),
            new(StampClaim, account.SecurityStamp),
            new(IssuedClaim, issuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        if (sessionId is not null)
        {
            claims.Add(new Claim(SessionClaim, sessionId));
        }

        if (account.SystemAdministrator)
        {
            claims.Add(new Claim(AdministratorClaim, "true"));
        }

        claims.AddRange(account.BoardRoles.Select(role => new Claim(BoardRoleClaim, Format(role))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The board roles a principal holds.</summary>
    public static IEnumerable<BoardRoleGrant> BoardRoles(this ClaimsPrincipal user) =>
        user.FindAll(BoardRoleClaim).Select(c => Parse(c.Value)).OfType<BoardRoleGrant>();

    /// <summary>Whether the principal administers organisations and accounts.</summary>
    public static bool IsAdministrator(this ClaimsPrincipal user) => user.HasClaim(AdministratorClaim, "true");

    /// <summary>The principal's web session id, or null for an API token.</summary>
    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(SessionClaim);

    /// <summary>When the principal's session began.</summary>
    public static DateTimeOffset? IssuedAt(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(IssuedClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static string Format(BoardRoleGrant grant) =>
        grant.OrganisationId is null ? $"{grant.BoardId}/{grant.Role}" : $"{grant.BoardId}/{grant.Role}/{grant.OrganisationId}";

    private static BoardRoleGrant? Parse(string value)
    {
        var parts = value.Split('/');
        return parts.Length is 2 or 3 && Enum.TryParse<BoardRole>(parts[1], out var role)
            ? new BoardRoleGrant(parts[0], role, parts.Length == 3 ? parts[2] : null)
            : null;
    }
}
