using BoardDesk.Grains;
using BoardDesk.Persistence;

namespace BoardDesk.Accounts;

/// <summary>The base of every API token event.</summary>
public abstract record ApiTokenEvent;

/// <summary>The token was issued by an account.</summary>
[JournalEvent("ApiTokenRegistered")]
public sealed record ApiTokenRegistered(string UserName) : ApiTokenEvent;

/// <summary>Which account an API token belongs to.</summary>
public sealed record ApiTokenState : IJournaledState<ApiTokenState, ApiTokenEvent>
{
    /// <inheritdoc />
    public static ApiTokenState Empty { get; } = new();

    /// <summary>The owning account, once registered.</summary>
    public string? UserName { get; init; }

    /// <inheritdoc />
    public ApiTokenState Apply(ApiTokenEvent e) => e is ApiTokenRegistered registered ? this with { UserName = registered.UserName } : this;
}

/// <summary>Maps a token's public id to its account; the account holds the secret's hash and the revocation.</summary>
[GrainType("api-token")]
public sealed class ApiTokenGrain : JournaledGrain<ApiTokenState, ApiTokenEvent>, IApiTokenGrain
{
    /// <inheritdoc />
    public Task RegisterAsync(string userName)
    {
        if (State.UserName is not null)
        {
            throw new ConflictException("The token id is taken.");
        }

        Raise(new ApiTokenRegistered(userName));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetOwnerAsync() => Task.FromResult(State.UserName);
}
