namespace BoardDesk.Accounts;

/// <summary>The outcome of a sign-in attempt, with the account when it succeeded.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Accounts.SignInResult")]
public sealed record SignInResult(SignInOutcome Outcome, AccountDetails? Account = null);
