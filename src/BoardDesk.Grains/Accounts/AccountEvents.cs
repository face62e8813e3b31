using BoardDesk.Persistence;

namespace BoardDesk.Accounts;

/// <summary>The base of every account event.</summary>
public abstract record AccountEvent;

/// <summary>The account was created.</summary>
[JournalEvent("AccountCreated")]
public sealed record AccountCreated(string DisplayName, string PasswordHash, bool SystemAdministrator, string SecurityStamp, string? Email = null) : AccountEvent;

/// <summary>The address notices are emailed to was set, or removed (null).</summary>
[JournalEvent("AccountEmailChanged")]
public sealed record AccountEmailChanged(string? Email) : AccountEvent;

/// <summary>A sign-in failed.</summary>
[JournalEvent("SignInFailed")]
public sealed record SignInFailed(DateTimeOffset At) : AccountEvent;

/// <summary>Too many failed sign-ins: the account is locked until a time.</summary>
[JournalEvent("AccountLockedOut")]
public sealed record AccountLockedOut(DateTimeOffset Until) : AccountEvent;

/// <summary>A sign-in succeeded after failures, clearing the failure count.</summary>
[JournalEvent("SignInFailuresCleared")]
public sealed record SignInFailuresCleared(DateTimeOffset At) : AccountEvent;

/// <summary>The password was replaced; older sessions end.</summary>
[JournalEvent("PasswordChanged")]
public sealed record PasswordChanged(string PasswordHash, string SecurityStamp, bool ByAdministrator) : AccountEvent;

/// <summary>Someone asked for the password to be reset.</summary>
[JournalEvent("PasswordResetRequested")]
public sealed record PasswordResetRequested(DateTimeOffset At) : AccountEvent;

/// <summary>The account was disabled; its sessions and tokens stop working.</summary>
[JournalEvent("AccountDisabled")]
public sealed record AccountDisabled(string SecurityStamp) : AccountEvent;

/// <summary>The account was enabled again.</summary>
[JournalEvent("AccountEnabled")]
public sealed record AccountEnabled : AccountEvent;

/// <summary>A role on a board was granted.</summary>
[JournalEvent("BoardRoleGranted")]
public sealed record BoardRoleGranted(BoardRoleGrant Grant) : AccountEvent;

/// <summary>A role on a board was removed.</summary>
[JournalEvent("BoardRoleRevoked")]
public sealed record BoardRoleRevoked(BoardRoleGrant Grant) : AccountEvent;

/// <summary>An API token was issued; only its hash is kept.</summary>
[JournalEvent("ApiTokenIssued")]
public sealed record ApiTokenIssued(string Id, string Name, string SecretHash, DateTimeOffset At) : AccountEvent;

/// <summary>An API token was revoked.</summary>
[JournalEvent("ApiTokenRevoked")]
public sealed record ApiTokenRevoked(string Id, DateTimeOffset At) : AccountEvent;

/// <summary>A web session began; only a hash of its id is kept, and it ends by itself at <paramref name="Until"/>.</summary>
[JournalEvent("SessionStarted")]
public sealed record SessionStarted(string SessionHash, DateTimeOffset At, DateTimeOffset Until) : AccountEvent;

/// <summary>A web session was ended by signing out.</summary>
[JournalEvent("SessionEnded")]
public sealed record SessionEnded(string SessionHash, DateTimeOffset At) : AccountEvent;
