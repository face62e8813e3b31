namespace BoardDesk.Accounts;

/// <summary>An account without its secrets.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Accounts.AccountDetails")]
public sealed record AccountDetails
{
    /// <summary>The user name (lowercase) that identifies it.</summary>
    [Id(0)]
    public required string UserName { get; init; }

    /// <summary>The person's name.</summary>
    [Id(1)]
    public required string DisplayName { get; init; }

    /// <summary>Whether it may sign in.</summary>
    [Id(2)]
    public bool Enabled { get; init; }

    /// <summary>Whether it administers organisations and accounts.</summary>
    [Id(3)]
    public bool SystemAdministrator { get; init; }

    /// <summary>Changes whenever the password changes or the account is disabled, ending older sessions.</summary>
    [Id(4)]
    public required string SecurityStamp { get; init; }

    /// <summary>The account's roles on boards.</summary>
    [Id(5)]
    public IReadOnlyList<BoardRoleGrant> BoardRoles { get; init; } = [];

    /// <summary>Its API tokens, without secrets.</summary>
    [Id(6)]
    public IReadOnlyList<TokenSummary> Tokens { get; init; } = [];

    /// <summary>Whether someone asked for its password to be reset since it was last set.</summary>
    [Id(7)]
    public bool PasswordResetRequested { get; init; }

    /// <summary>Where notices are emailed; null for none.</summary>
    [Id(8)]
    public string? Email { get; init; }
}
