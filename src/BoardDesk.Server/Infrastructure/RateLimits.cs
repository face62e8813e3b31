using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Rate limits per client address: sign-in attempts (against password guessing) and ballots (against flooding a
/// vote). A refused request gets 429 with a Retry-After header and a problem details body.
/// </summary>
public static class RateLimits
{
    /// <summary>The policy for sign-in and password reset endpoints.</summary>
    public const string SignIn = "sign-in";

    /// <summary>The policy for casting ballots.</summary>
    public const string Ballots = "ballots";

    /// <summary>Registers the policies with limits from <see cref="BoardDeskOptions"/>.</summary>
    public static IServiceCollection AddBoardDeskRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(BoardDeskOptions.Section).Get<BoardDeskOptions>() ?? new BoardDeskOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignIn, context => PerAddress(context, options.SignInAttemptsPerMinute));
            limiter.AddPolicy(Ballots, context => PerAddress(context, options.BallotsPerMinute));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem(
                    title: "Too many requests.",
                    detail: "Too many attempts from this address; wait a minute and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
