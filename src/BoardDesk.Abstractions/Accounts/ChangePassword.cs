namespace BoardDesk.Accounts;

/// <summary>Replaces a password; <see cref="CurrentPassword"/> is required unless an administrator resets it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Accounts.ChangePassword")]
public sealed record ChangePassword(string NewPassword, string? CurrentPassword, bool ByAdministrator = false);
