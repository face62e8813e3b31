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

    /// <summary>Replaces the password (by its owner, who gives the current one, or by an administrator, who does not).</summary>
    [Alias("ChangePasswordAsync")]
    Task ChangePasswordAsync(ChangePassword command);

    /// <summary>Records that someone asked for the password to be reset; the administrator sees the request.</summary>
    [Alias("RequestPasswordResetAsync")]
    Task RequestPasswordResetAsync();

    /// <summary>Disables or enables the account; a disabled account's sessions and tokens stop working on their next request.</summary>
    [Alias("SetEnabledAsync")]
    Task<AccountDetails> SetEnabledAsync(bool enabled);

    /// <summary>Grants a role on a board (a member's role names the organisation they represent).</summary>
    [Alias("GrantBoardRoleAsync")]
    Task<AccountDetails> GrantBoardRoleAsync(BoardRoleGrant grant);

    /// <summary>Removes a role on a board.</summary>
    [Alias("RevokeBoardRoleAsync")]
    Task<AccountDetails> RevokeBoardRoleAsync(BoardRoleGrant grant);

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
