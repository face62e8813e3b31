using BoardDesk.Grains;

namespace BoardDesk.Accounts;

/// <summary>A person's local account, keyed by user name (lowercase): password, lockout, board roles and API tokens.</summary>
[Alias("BoardDesk.Accounts.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account with a password that meets the password rules.</summary>
    [Alias("CreateAsync")]
    Task<AccountDetails> CreateAsync(CreateAccount command);

    /// <summary>The account without its secrets; <see cref="NotFoundException"/> when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<AccountDetails> GetAsync();

    /// <summary>Checks a password, counting failures towards a lockout; never says which part of a failed sign-in was wrong.</summary>
    [Alias("SignInAsync")]
    Task<SignInResult> SignInAsync(string password);

    /// <summary>Starts a web session after a successful sign-in; returns its id, which ends by itself after <paramref name="lifetime"/>.</summary>
    [Alias("StartSessionAsync")]
    Task<string> StartSessionAsync(TimeSpan lifetime);

    /// <summary>The account, while the web session <paramref name="sessionId"/> is open and the account enabled; otherwise null.</summary>
    [Alias("GetSessionAsync")]
    Task<AccountDetails?> GetSessionAsync(string sessionId);

    /// <summary>Ends a web session on the server: its cookie, kept or copied, no longer signs anyone in.</summary>
    [Alias("EndSessionAsync")]
    Task EndSessionAsync(string sessionId);

    /// <summary>
    /// Replaces the password (by its owner, who gives the current one, or by an administrator, who does not); ends
    /// every web session and revokes every API token.
    /// </summary>
    [Alias("ChangePasswordAsync")]
    Task ChangePasswordAsync(ChangePassword command);

    /// <summary>Records that someone asked for the password to be reset; the administrator sees the request.</summary>
    [Alias("RequestPasswordResetAsync")]
    Task RequestPasswordResetAsync();

    /// <summary>
    /// Disables or enables the account. Disabling ends every web session and revokes every API token for good:
    /// enabling again brings none of them back.
    /// </summary>
    [Alias("SetEnabledAsync")]
    Task<AccountDetails> SetEnabledAsync(bool enabled);

    /// <summary>Grants a role on a board (a member's role names the organisation they represent).</summary>
    [Alias("GrantBoardRoleAsync")]
    Task<AccountDetails> GrantBoardRoleAsync(BoardRoleGrant grant);

    /// <summary>Removes a role on a board.</summary>
    [Alias("RevokeBoardRoleAsync")]
    Task<AccountDetails> RevokeBoardRoleAsync(BoardRoleGrant grant);

    /// <summary>Sets or removes (null) the address notices are emailed to; an invalid address is refused naming <c>email</c>.</summary>
    [Alias("SetEmailAsync")]
    Task<AccountDetails> SetEmailAsync(string? email);

    /// <summary>Issues an API token; its secret is returned this once and stored only as a hash.</summary>
    [Alias("IssueTokenAsync")]
    Task<IssuedToken> IssueTokenAsync(string name);

    /// <summary>Revokes an API token at once.</summary>
    [Alias("RevokeTokenAsync")]
    Task RevokeTokenAsync(string tokenId);

    /// <summary>Checks an API token's secret against its stored hash.</summary>
    [Alias("VerifyTokenAsync")]
    Task<bool> VerifyTokenAsync(string tokenId, string secret);
}
