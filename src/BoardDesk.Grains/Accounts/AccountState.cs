using System.Collections.Immutable;
using BoardDesk.Persistence;

namespace BoardDesk.Accounts;

/// <summary>An account's state, folded from its events.</summary>
public sealed record AccountState : IJournaledState<AccountState, AccountEvent>
{
    /// <inheritdoc />
    public static AccountState Empty { get; } = new();

    /// <summary>False until the account is created.</summary>
    public bool Exists { get; init; }

    /// <summary>The person's name.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The password hash (ASP.NET Core Identity's format).</summary>
    public string PasswordHash { get; init; } = "";

    /// <summary>Where notices are emailed; null for none.</summary>
    public string? Email { get; init; }

    /// <summary>Whether it may sign in.</summary>
    public bool Enabled { get; init; }

    /// <summary>Whether it administers organisations and accounts.</summary>
    public bool SystemAdministrator { get; init; }

    /// <summary>Changes with the password and on disabling.</summary>
    public string SecurityStamp { get; init; } = "";

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Until when sign-ins are refused.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Whether a reset was asked for since the password was last set.</summary>
    public bool ResetRequested { get; init; }

    /// <summary>Roles on boards.</summary>
    public ImmutableList<BoardRoleGrant> BoardRoles { get; init; } = [];

    /// <summary>API tokens, with their secrets' hashes.</summary>
    public ImmutableList<ApiTokenIssued> Tokens { get; init; } = [];

    /// <summary>When each revoked token was revoked.</summary>
    public ImmutableDictionary<string, DateTimeOffset> RevokedTokens { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    /// <summary>The open web sessions, by the hash of their id, with when each ends at the latest.</summary>
    public ImmutableDictionary<string, DateTimeOffset> Sessions { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    /// <inheritdoc />
    public AccountState Apply(AccountEvent e) => e switch
    {
        AccountCreated created => this with
        {
            Exists = true,
            Enabled = true,
            DisplayName = created.DisplayName,
            PasswordHash = created.PasswordHash,
            SystemAdministrator = created.SystemAdministrator,
            SecurityStamp = created.SecurityStamp,
            Email = created.Email,
        },
        AccountEmailChanged changed => this with { Email = changed.Email },
        SignInFailed => this with { FailedSignIns = FailedSignIns + 1 },
        AccountLockedOut locked => this with { FailedSignIns = 0, LockedUntil = locked.Until },
        SignInFailuresCleared => this with { FailedSignIns = 0, LockedUntil = null },
        PasswordChanged changed => this with
        {
            PasswordHash = changed.PasswordHash,
            SecurityStamp = changed.SecurityStamp,
            ResetRequested = false,
            FailedSignIns = 0,
            LockedUntil = null,

            // A rehash on sign-in keeps the stamp, and with it the sessions; a new password ends them all.
            Sessions = changed.SecurityStamp == SecurityStamp ? Sessions : Sessions.Clear(),
        },
        PasswordResetRequested => this with { ResetRequested = true },
        AccountDisabled disabled => this with { Enabled = false, SecurityStamp = disabled.SecurityStamp, Sessions = Sessions.Clear() },
        AccountEnabled => this with { Enabled = true },
        BoardRoleGranted granted => this with { BoardRoles = BoardRoles.Add(granted.Grant) },
        BoardRoleRevoked revoked => this with { BoardRoles = BoardRoles.Remove(revoked.Grant) },
        ApiTokenIssued issued => this with { Tokens = Tokens.Add(issued) },
        ApiTokenRevoked revoked => this with { RevokedTokens = RevokedTokens.SetItem(revoked.Id, revoked.At) },
        SessionStarted started => this with
        {
            Sessions = Sessions.RemoveRange(Sessions.Where(s => s.Value <= started.At).Select(s => s.Key)).SetItem(started.SessionHash, started.Until),
        },
        SessionEnded ended => this with { Sessions = Sessions.Remove(ended.SessionHash) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown account event."),
    };
}
