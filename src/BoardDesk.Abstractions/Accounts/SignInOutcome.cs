using System.Text.Json.Serialization;

namespace BoardDesk.Accounts;

/// <summary>How a sign-in attempt ended. Only <see cref="SignedIn"/> is told apart to the person signing in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignInOutcome>))]
[GenerateSerializer, Alias("BoardDesk.Accounts.SignInOutcome")]
public enum SignInOutcome
{
    /// <summary>The password matched.</summary>
    SignedIn,

    /// <summary>The account does not exist or the password did not match.</summary>
    Failed,

    /// <summary>Too many failures: the account is locked for a while.</summary>
    LockedOut,

    /// <summary>The account is disabled.</summary>
    Disabled,
}
