using System.ComponentModel;
using BoardDesk.Grains;
using BoardDesk.Recommendations;
using Microsoft.AspNetCore.Http.HttpResults;

using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.Endpoints;

/// <summary>The recommendation register: <c>/api/recommendations</c> across every review.</summary>
public static class Recommendations
{
    /// <summary>Maps the register endpoint.</summary>
    public static IEndpointRouteBuilder MapRecommendations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/recommendations").WithTags("Recommendations");
        group.MapGet("/", QueryAsync).WithName("QueryRecommendationRegister")
            .WithSummary("The register: filter by reviewId, owner (inherited=false for recorded owners only), response, status, rag and text; counts by response and status; page and pageSize.")
            .RequirePermission(Permission.ReadPublic);
        return routes;
    }

    private static async Task<Ok<RegisterPage>> QueryAsync(
        RecommendationRegister register,
        string? reviewId,
        [Description("Only recommendations this organisation owns (its id, such as `nhs-improvement`); with inherited=false, only those it was recorded as owning.")] string? owner,
        bool? inherited,
        GovernmentResponse? response,
        ImplementationStatus? status,
        RagRating? rag,
        string? text,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        Defined(response, "response");
        Defined(status, "status");
        Defined(rag, "rag");
        var query = new RegisterQuery
        {
            ReviewId = string.IsNullOrWhiteSpace(reviewId) ? null : reviewId.Trim(),
            OwnerId = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(),
            IncludeInherited = inherited ?? true,
            Response = response,
            Status = status,
            Rag = rag,
            Text = text,
            Page = page ?? 1,
            PageSize = pageSize ?? 50,
        };
        return TypedResults.Ok(await register.QueryAsync(query, cancellationToken));
    }

    private static void Defined<T>(T? value, string field) where T : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            throw new ValidationException(field, $"'{v}' is not one of: {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }
}
