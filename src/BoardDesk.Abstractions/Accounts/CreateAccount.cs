namespace BoardDesk.Accounts;

/// <summary>Creates an account.</summary>
/// <param name="DisplayName">The person's name as others see it.</param>
/// <param name="Password">The first password.</param>
/// <param name="SystemAdministrator">Whether the account administers organisations and accounts.</param>
/// <param name="Email">Where BoardDesk sends the person's notices; none when null.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Accounts.CreateAccount")]
public sealed record CreateAccount(string DisplayName, string Password, bool SystemAdministrator = false, string? Email = null);
