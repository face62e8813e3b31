using BoardDesk.Grains;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Two checks around every API request: a change sent with a session cookie must carry the antiforgery token (so
/// another site cannot make a signed-in browser act), and every refused request (401, 403) is logged with time,
/// user and address.
/// </summary>
internal sealed class RequestAudit(RequestDelegate next, IAntiforgery antiforgery, [FromKeyedServices(BoardDeskClock.Key)] TimeProvider time, ILogger<RequestAudit> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme })
        {
            await antiforgery.ValidateRequestAsync(context);
        }

        await next(context);
        if (context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            logger.LogWarning(
                "Denied {Method} {Path} with {Status} for {User} from {Address} at {Time}",
                request.Method,
                LogText.Escape(request.Path.Value),
                context.Response.StatusCode,
                LogText.Escape(context.User.Identity?.Name ?? "anonymous"),
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                time.GetUtcNow());
        }
    }
}
