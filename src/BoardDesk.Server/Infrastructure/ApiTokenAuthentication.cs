using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using BoardDesk.Accounts;
using BoardDesk.Grains;
using BoardDesk.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Authenticates <c>Authorization: Bearer bd_…</c> API tokens. The token's id is looked up in the accounts' published
/// documents first, so a token nobody issued (or one already revoked) costs no grain activation and no store read;
/// only a live token's account checks the secret against its stored hash. Refused tokens count, per address, against
/// the sign-in limit (<c>BoardDesk:SignInAttemptsPerMinute</c>): past it, the address hears 429 until the minute is up.
/// </summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    IReadModels readModels,
    RefusedTokenLimiter limiter,
    [FromKeyedServices(BoardDeskClock.Key)] TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private bool _limited;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiTokens.TryParse(header["Bearer ".Length..].Trim(), out var id, out var secret)
            || await OwnerOfLiveTokenAsync(id) is not { } owner)
        {
            return Refuse("The API token is not valid.");
        }

        var account = grains.GetGrain<IAccountGrain>(owner);
        if (!await account.VerifyTokenAsync(id, secret))
        {
            return Refuse("The API token is not valid, has been revoked, or its account is disabled.");
        }

        var principal = AccountPrincipal.Create(await account.GetAsync(), SchemeName, time.GetUtcNow());
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_limited)
        {
            Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(
                title: "Too many requests.",
                detail: "Too many refused API tokens from this address; wait a minute and try again.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(Context);
        }

        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Sign in, or send a valid API token.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Your roles do not allow this.");

    /// <summary>The account that issued a token and has not revoked it, from the published account documents.</summary>
    private async Task<string?> OwnerOfLiveTokenAsync(string tokenId) =>
        (await readModels.AllAsync<AccountDetails>(Context.RequestAborted))
            .FirstOrDefault(a => a.Enabled && a.Tokens.Any(t => t.Id == tokenId && t.RevokedAt is null))?.UserName;

    private AuthenticateResult Refuse(string reason)
    {
        _limited = !limiter.TryCountRefusal(Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return AuthenticateResult.Fail(reason);
    }

    private Task WriteProblemAsync(int status, string detail)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(detail: detail, statusCode: status).ExecuteAsync(Context);
    }
}

/// <summary>Counts refused API tokens per client address, within the sign-in limit per minute.</summary>
internal sealed class RefusedTokenLimiter(IOptions<BoardDeskOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInAttemptsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Counts one refusal for the address; false once the address is past its limit for this minute.</summary>
    public bool TryCountRefusal(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
