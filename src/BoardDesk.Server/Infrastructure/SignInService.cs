using BoardDesk.Accounts;
using BoardDesk.Grains;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Signs people in and out of a web session, for the sign-in page and the session API alike. Every failure gives
/// the same answer (unknown account, wrong password, locked or disabled), and every attempt is logged with time,
/// user and address.
/// </summary>
public sealed class SignInService(IGrainFactory grains, [FromKeyedServices(BoardDeskClock.Key)] TimeProvider time, ILogger<SignInService> logger)
{
    /// <summary>The one message for every failed sign-in.</summary>
    public const string FailureMessage = "The user name or password is not right, or the account cannot sign in now.";

    /// <summary>Checks the password and, when it matches, starts a new session; returns the account or null.</summary>
    public async Task<AccountDetails?> SignInAsync(HttpContext context, string? userName, string? password)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var result = AccountGrain.IsValidUserName(name) && password is { Length: <= PasswordRules.MaximumLength }
            ? await grains.GetGrain<IAccountGrain>(name).SignInAsync(password)
            : new SignInResult(SignInOutcome.Failed);
        if (result is not { Outcome: SignInOutcome.SignedIn, Account: { } account })
        {
            logger.LogWarning("Failed sign-in for {User} from {Address} at {Time}: {Outcome}", name, address, time.GetUtcNow(), result.Outcome);
            return null;
        }

        // A fresh session on every sign-in: whatever session the browser had is dropped first.
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var issuedAt = time.GetUtcNow();
        await context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            AccountPrincipal.Create(account, CookieAuthenticationDefaults.AuthenticationScheme, issuedAt),
            new AuthenticationProperties { IssuedUtc = issuedAt, IsPersistent = false });
        logger.LogInformation("Signed in {User} from {Address} at {Time}", name, address, issuedAt);
        return account;
    }

    /// <summary>Ends the web session.</summary>
    public async Task SignOutAsync(HttpContext context)
    {
        logger.LogInformation("Signed out {User} at {Time}", context.User.Identity?.Name, time.GetUtcNow());
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
