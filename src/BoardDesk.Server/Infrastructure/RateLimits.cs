using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Rate limits per client address: sign-in attempts (against password guessing) and ballots (against flooding a
/// vote). A refused request gets 429 with a Retry-After header and a problem details body. An endpoint or page opts in
/// with <see cref="AddressLimitAttribute"/> (<c>RequireAddressLimit</c> on an endpoint, <c>@attribute</c> on a page);
/// the API and the pages that do the same thing share one count per address, so a page is no way round the API's limit.
/// Only changes are counted (not GET or HEAD), so reading a page is never refused.
/// </summary>
public static class RateLimits
{
    /// <summary>The limit for sign-in and password reset.</summary>
    public const string SignIn = "sign-in";

    /// <summary>The limit for casting ballots.</summary>
    public const string Ballots = "ballots";

    /// <summary>Registers the limiter with limits from <see cref="BoardDeskOptions"/>.</summary>
    public static IServiceCollection AddBoardDeskRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(BoardDeskOptions.Section).Get<BoardDeskOptions>() ?? new BoardDeskOptions();
        var perMinute = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [SignIn] = options.SignInAttemptsPerMinute,
            [Ballots] = options.BallotsPerMinute,
        };
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<AddressLimitAttribute>() is { } limit
                && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                    ? PerAddress(limit.Policy, context, perMinute[limit.Policy])
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (!rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    // A page: the person gets a page that says what happened, not a JSON document.
                    await TypedResults.Content(
                        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>Too many attempts · BoardDesk</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><main id=\"main\" class=\"container\">"
                        + "<h1>Too many attempts</h1><p>Too many attempts came from this address in the last minute. Wait a minute, then go back and try again.</p>"
                        + "<p><a href=\"/\">BoardDesk home</a></p></main></body></html>",
                        "text/html; charset=utf-8",
                        statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
                    return;
                }

                await TypedResults.Problem(
                    title: "Too many requests.",
                    detail: "Too many attempts from this address; wait a minute and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    /// <summary>Counts the endpoint's changes against <paramref name="policy"/>'s limit per address.</summary>
    public static TBuilder RequireAddressLimit<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AddressLimitAttribute(policy));

    private static RateLimitPartition<string> PerAddress(string policy, HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{policy}:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

/// <summary>Marks an endpoint or page whose changes count against a per-address limit of <see cref="RateLimits"/>.</summary>
/// <param name="policy"><see cref="RateLimits.SignIn"/> or <see cref="RateLimits.Ballots"/>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AddressLimitAttribute(string policy) : Attribute
{
    /// <summary>The limit the endpoint counts against.</summary>
    public string Policy { get; } = policy;
}
