using BoardDesk.Accounts;
using BoardDesk.Grains;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Signs people in and out of a web session, for the sign-in page and the session API alike. Every failure gives
/// the same answer (unknown account, wrong password, locked or disabled), and every attempt is logged with time,
/// user and address.
/// </summary>
public sealed class SignInService(IGrainFactory grains, [FromKeyedServices(BoardDeskClock.Key)] TimeProvider time, IOptions<BoardDeskOptions> options, ILogger<SignInService> logger)
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
            logger.LogWarning("Failed sign-in for {User} from {Address} at {Time}: {Outcome}", LogText.Escape(name), address, time.GetUtcNow(), result.Outcome);
            return null;
        }

        // A fresh session on every sign-in: whatever session the browser had is ended first.
        await SignOutAsync(context);
        var issuedAt = time.GetUtcNow();
        var sessionId = await grains.GetGrain<IAccountGrain>(name).StartSessionAsync(options.Value.SessionAbsoluteTimeout);
        await context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            AccountPrincipal.Create(account, CookieAuthenticationDefaults.AuthenticationScheme, issuedAt, sessionId),
            new AuthenticationProperties { IssuedUtc = issuedAt, IsPersistent = false });
        logger.LogInformation("Signed in {User} from {Address} at {Time}", LogText.Escape(name), address, issuedAt);
        return account;
    }

    /// <summary>Ends the web session, on the server as well as in the browser: a kept copy of the cookie signs no one in.</summary>
    public async Task SignOutAsync(HttpContext context)
    {
        if (context.User.SessionId() is { } sessionId && context.User.Identity?.Name is { } name)
        {
            await grains.GetGrain<IAccountGrain>(name).EndSessionAsync(sessionId);
            logger.LogInformation("Signed out {User} at {Time}", LogText.Escape(name), time.GetUtcNow());
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
