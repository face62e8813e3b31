using System.Text.Encodings.Web;
using BoardDesk.Accounts;
using BoardDesk.Grains;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Authenticates <c>Authorization: Bearer bd_…</c> API tokens: the token's id finds its account, the account checks
/// the secret against its stored hash, and a disabled account or a revoked token fails at once.
/// </summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    [FromKeyedServices(BoardDeskClock.Key)] TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiTokens.TryParse(header["Bearer ".Length..].Trim(), out var id, out var secret)
            || await grains.GetGrain<IApiTokenGrain>(id).GetOwnerAsync() is not { } owner)
        {
            return AuthenticateResult.Fail("The API token is not valid.");
        }

        var account = grains.GetGrain<IAccountGrain>(owner);
        if (!await account.VerifyTokenAsync(id, secret))
        {
            return AuthenticateResult.Fail("The API token is not valid, has been revoked, or its account is disabled.");
        }

        var principal = AccountPrincipal.Create(await account.GetAsync(), SchemeName, time.GetUtcNow());
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Sign in, or send a valid API token.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Your roles do not allow this.");

    private Task WriteProblemAsync(int status, string detail)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(detail: detail, statusCode: status).ExecuteAsync(Context);
    }
}
