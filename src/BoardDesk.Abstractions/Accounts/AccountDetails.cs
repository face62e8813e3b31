namespace BoardDesk.Accounts;

/// <summary>An account without its secrets.</summary>
public sealed record AccountDetails
{
    /// <summary>The user name (lowercase) that identifies it.</summary>
    public required string UserName { get; init; }

    /// <summary>The person's name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Whether it may sign in.</summary>
    public bool Enabled { get; init; }

    /// <summary>Whether it administers organisations and accounts.</summary>
    public bool SystemAdministrator { get; init; }

    /// <summary>Changes whenever the password changes or the account is disabled, ending older sessions.</summary>
    public required string SecurityStamp { get; init; }

    /// <summary>The account's roles on boards.</summary>
    public IReadOnlyList<BoardRoleGrant> BoardRoles { get; init; } = [];

    /// <summary>Its API tokens, without secrets.</summary>
    public IReadOnlyList<TokenSummary> Tokens { get; init; } = [];

    /// <summary>Whether someone asked for its password to be reset since it was last set.</summary>
    public bool PasswordResetRequested { get; init; }
}
