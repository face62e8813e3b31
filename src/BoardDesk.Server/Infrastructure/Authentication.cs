using BoardDesk.Accounts;
using BoardDesk.Grains;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Who is calling: a web session (an HttpOnly cookie, renewed while used, ended by the idle and absolute timeouts,
/// by a password change or by disabling the account) or an API token (<c>Authorization: Bearer bd_…</c>).
/// </summary>
public static class Authentication
{
    /// <summary>The default scheme: the token when an Authorization header is sent, the session cookie otherwise.</summary>
    public const string Scheme = "BoardDesk";

    /// <summary>Registers the schemes and the permission checks.</summary>
    public static IServiceCollection AddBoardDeskAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Session or API token", scheme => scheme.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? ApiTokenAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<BoardDeskOptions>, IServiceProvider>((cookie, server, provider) =>
            {
                // Sessions are timed on the domain clock, like the sign-in times accounts record.
                cookie.TimeProvider = provider.GetRequiredKeyedService<TimeProvider>(BoardDeskClock.Key);
                cookie.Cookie.Name = "boarddesk.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = server.Value.SessionIdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/sign-in";
                cookie.AccessDeniedPath = "/sign-in";
                cookie.Events.OnRedirectToLogin = context => AnswerApiOrRedirectAsync(context, StatusCodes.Status401Unauthorized, "Sign in, or send a valid API token.");
                cookie.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirectAsync(context, StatusCodes.Status403Forbidden, "Your roles do not allow this.");
                cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
            });
        services.AddAuthorization();
        services.AddEndpointAccess();
        services.AddAntiforgery(antiforgery => antiforgery.HeaderName = "X-XSRF-TOKEN");
        services.AddScoped<SignInService>();
        services.AddSingleton<RefusedTokenLimiter>();
        return services;
    }

    /// <summary>
    /// Checks a session on every request against its account: a session the account no longer holds open (signed
    /// out, ended by a password change or by disabling the account), a changed security stamp or a session older than
    /// the absolute timeout ends it; otherwise the principal gets the current roles.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredKeyedService<TimeProvider>(BoardDeskClock.Key).GetUtcNow();
        var limit = services.GetRequiredService<IOptions<BoardDeskOptions>>().Value.SessionAbsoluteTimeout;
        var user = context.Principal!;
        var issued = user.IssuedAt();
        AccountDetails? account = null;
        var sessionId = user.SessionId();
        if (issued is not null && now - issued < limit && sessionId is not null && user.Identity?.Name is { } name && AccountGrain.IsValidUserName(name))
        {
            account = await services.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(name).GetSessionAsync(sessionId);
        }

        if (account is null || !account.Enabled || account.SecurityStamp != user.FindFirst(AccountPrincipal.StampClaim)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(AccountPrincipal.Create(account, CookieAuthenticationDefaults.AuthenticationScheme, issued!.Value, sessionId));
    }

    private static Task AnswerApiOrRedirectAsync(RedirectContext<CookieAuthenticationOptions> context, int status, string detail)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        return TypedResults.Problem(detail: detail, statusCode: status).ExecuteAsync(context.HttpContext);
    }
}
