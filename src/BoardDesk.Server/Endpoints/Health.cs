using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.Endpoints;

/// <summary><c>GET /health</c>: 200 when the store answers, 503 when it does not.</summary>
public static class Health
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync })
            .WithName("Health").WithSummary("Reports whether the server and its store are healthy.")
            .RequirePermission(Permission.ReadPublic);
        return routes;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
