using BoardDesk.Grains;

namespace BoardDesk.Accounts;

/// <summary>Finds the account an API token belongs to, keyed by the token's public id.</summary>
[Alias("BoardDesk.Accounts.IApiTokenGrain")]
public interface IApiTokenGrain : IGrainWithStringKey
{
    /// <summary>Records which account issued the token; called by the account grain only.</summary>
    [Alias("RegisterAsync")]
    Task RegisterAsync(string userName);

    /// <summary>The user name of the token's account, or null for an unknown id.</summary>
    [Alias("GetOwnerAsync")]
    Task<string?> GetOwnerAsync();
}
