using BoardDesk.Grains;

namespace BoardDesk.Accounts;

/// <summary>Finds the account an API token belongs to, keyed by the token's public id.</summary>
public interface IApiTokenGrain : IGrainWithStringKey
{
    /// <summary>Records which account issued the token; called by the account grain only.</summary>
    Task RegisterAsync(string userName);

    /// <summary>The user name of the token's account, or null for an unknown id.</summary>
    Task<string?> GetOwnerAsync();
}
