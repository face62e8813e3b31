using System.Security.Claims;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Recommendations;
using BoardDesk.Reviews;
using BoardDesk.Persistence;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoardDesk.Server.Endpoints;

/// <summary>The reviews API: <c>/api/reviews</c> and each review's recommendations.</summary>
public static class Reviews
{
    /// <summary>Maps the review and recommendation endpoints.</summary>
    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reviews").WithTags("Reviews");
        group.MapGet("/", ListAsync).WithName("ListReviews").WithSummary("Lists the reviews, newest first.")
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/{reviewId}", GetAsync).WithName("GetReview").WithSummary("Gets one review.")
            .RequirePermission(Permission.ReadPublic);
        group.MapPost("/", CreateAsync).WithName("CreateReview").WithSummary("Records a review.")
            .RequirePermission(Permission.AdministerOrganisations);

        var recommendations = group.MapGroup("/{reviewId}/recommendations");
        recommendations.MapGet("/", ListRecommendationsAsync).WithName("ListReviewRecommendations").WithSummary("Lists a review's recommendations with their current owners.")
            .RequirePermission(Permission.ReadPublic);
        recommendations.MapPost("/", CreateRecommendationAsync).WithName("CreateRecommendation").WithSummary("Records one recommendation of a review.")
            .RequirePermission(Permission.AdministerOrganisations);
        recommendations.MapPost("/import", ImportAsync).Accepts<string>("text/csv").WithName("ImportRecommendations")
            .WithSummary("Imports a review's recommendations from CSV, all or nothing: one bad row rejects the file with its row number and reason.")
            .RequirePermission(Permission.AdministerOrganisations);
        recommendations.MapGet("/imports/{importId}", ImportProgressAsync).WithName("GetRecommendationImportProgress")
            .WithSummary("How far an import has got: checking, recording (recorded of total), completed, or refused with each bad row.")
            .RequirePermission(Permission.AdministerOrganisations);
        recommendations.MapGet("/{number}", GetRecommendationAsync).WithName("GetRecommendation").WithSummary("Gets one recommendation with its current owner.")
            .RequirePermission(Permission.ReadPublic);
        recommendations.MapGet("/{number}/history", RecommendationHistoryAsync).WithName("GetRecommendationHistory").WithSummary("Lists every change a recommendation has had.")
            .RequirePermission(Permission.ReadPublic);
        recommendations.MapGet("/{number}/owners", OwnersOnAsync).WithName("GetRecommendationOwnersOnDate").WithSummary("Who owned the recommendation on a date (on=yyyy-MM-dd), from its journal.")
            .RequirePermission(Permission.ReadPublic);
        recommendations.MapPost("/{number}/owners", AssignOwnersAsync).WithName("AssignRecommendationOwners").WithSummary("Sets the recommendation's owners from a date.")
            .RequirePermission(Permission.RecordBoardDecisions);
        recommendations.MapPost("/{number}/response", RecordResponseAsync).WithName("RecordRecommendationResponse").WithSummary("Records the government's response.")
            .RequirePermission(Permission.RecordBoardDecisions);
        recommendations.MapPost("/{number}/progress", RecordProgressAsync).WithName("RecordRecommendationProgress").WithSummary("Adds a dated progress update.")
            .RequirePermission(Permission.UpdateActions);
        recommendations.MapPost("/{number}/links", LinkAsync).WithName("LinkRecommendations").WithSummary("Links the recommendation with a related one in another review.")
            .RequirePermission(Permission.AdministerOrganisations);
        return routes;
    }

    private static async Task<Ok<ReviewDetails[]>> ListAsync(IReadModels readModels, CancellationToken cancellationToken)
    {
        var all = await readModels.AllAsync<ReviewDetails>(cancellationToken);
        return TypedResults.Ok(all.OrderByDescending(r => r.PublishedOn).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray());
    }

    private static async Task<Ok<ReviewDetails>> GetAsync(string reviewId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IReviewGrain>(reviewId).GetAsync());

    private static async Task<Created<ReviewDetails>> CreateAsync(CreateReviewRequest request, IGrainFactory grains)
    {
        var created = await grains.GetGrain<IReviewGrain>(request.Id).CreateAsync(
            new CreateReview(request.Title, request.Lead, request.PublishedOn, request.PublishedPrecision, request.Source, request.StatedRecommendationCount));
        return TypedResults.Created($"/api/reviews/{created.Id}", created);
    }

    private static async Task<Ok<RegisterPage>> ListRecommendationsAsync(string reviewId, IGrainFactory grains, RecommendationRegister register, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IReviewGrain>(reviewId).GetAsync();
        return TypedResults.Ok(await register.QueryAsync(new RegisterQuery { ReviewId = reviewId, Page = page ?? 1, PageSize = pageSize ?? 50 }, cancellationToken));
    }

    private static async Task<Created<RecommendationDetails>> CreateRecommendationAsync(string reviewId, CreateRecommendationRequest request, IGrainFactory grains)
    {
        var created = await Recommendation(grains, reviewId, request.Number).CreateAsync(new CreateRecommendation(
            request.Text, request.Heading, request.Response, request.ResponseRationale, request.LeadOwner, request.SupportingOwners,
            request.OwnersEffectiveOn, request.Status ?? ImplementationStatus.NotStarted, request.Rag, request.ProgressPercent ?? 0));
        return TypedResults.Created($"/api/reviews/{reviewId}/recommendations/{created.Number}", created);
    }

    private static async Task<Created<RecommendationImportDetails>> ImportAsync(string reviewId, HttpRequest request, IGrainFactory grains, DateOnly? ownersEffectiveOn)
    {
        await grains.GetGrain<IReviewGrain>(reviewId).GetAsync();
        using var reader = new StreamReader(request.Body);
        var rows = await RecommendationCsv.ReadAsync(reader, ownersEffectiveOn);
        var importId = Guid.NewGuid().ToString("N");
        var imported = await grains.GetGrain<IRecommendationImportGrain>(importId).ImportAsync(reviewId, rows);
        return TypedResults.Created($"/api/reviews/{reviewId}/recommendations", imported);
    }

    private static async Task<Ok<RecommendationImportProgress>> ImportProgressAsync(string reviewId, string importId, RecommendationImports imports, CancellationToken cancellationToken) =>
        TypedResults.Ok(await imports.ProgressAsync(reviewId, importId, cancellationToken));

    private static async Task<Ok<RegisterEntry>> GetRecommendationAsync(string reviewId, int number, RecommendationRegister register, CancellationToken cancellationToken) =>
        TypedResults.Ok(await register.GetAsync(RecommendationId(reviewId, number), cancellationToken));

    private static async Task<Ok<IReadOnlyList<RecordedChange>>> RecommendationHistoryAsync(string reviewId, int number, IGrainFactory grains) =>
        TypedResults.Ok(await Recommendation(grains, reviewId, number).GetHistoryAsync());

    private static async Task<Ok<OwnershipOnDate>> OwnersOnAsync(string reviewId, int number, DateOnly on, RecommendationRegister register, CancellationToken cancellationToken) =>
        TypedResults.Ok(await register.OwnersOnAsync(RecommendationId(reviewId, number), on, cancellationToken));

    private static async Task<Ok<RecommendationDetails>> AssignOwnersAsync(string reviewId, int number, AssignOwners request, IGrainFactory grains, IReadModels readModels, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await DemandChangeAsync(reviewId, number, Permission.RecordBoardDecisions, user, readModels, cancellationToken);
        return TypedResults.Ok(await Recommendation(grains, reviewId, number).AssignOwnersAsync(request));
    }

    private static async Task<Ok<RecommendationDetails>> RecordResponseAsync(string reviewId, int number, RecordResponse request, IGrainFactory grains, IReadModels readModels, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await DemandChangeAsync(reviewId, number, Permission.RecordBoardDecisions, user, readModels, cancellationToken);
        return TypedResults.Ok(await Recommendation(grains, reviewId, number).RecordResponseAsync(request));
    }

    private static async Task<Ok<RecommendationDetails>> RecordProgressAsync(string reviewId, int number, RecordProgress request, IGrainFactory grains, IReadModels readModels, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await DemandChangeAsync(reviewId, number, Permission.UpdateActions, user, readModels, cancellationToken);
        return TypedResults.Ok(await Recommendation(grains, reviewId, number).RecordProgressAsync(request));
    }

    /// <summary>
    /// Refuses with 403 unless the access policy lets the user make this change to this recommendation (the boards that
    /// track its review, the programme leads of its owners); an unknown recommendation is left to the grain's 404.
    /// </summary>
    private static async Task DemandChangeAsync(string reviewId, int number, Permission permission, ClaimsPrincipal user, IReadModels readModels, CancellationToken cancellationToken)
    {
        if (await readModels.FindAsync<RecommendationDetails>(RecommendationId(reviewId, number), cancellationToken) is { } recommendation
            && !AccessPolicy.AllowsRecommendationChange(user, permission, recommendation, await readModels.AllAsync<BoardDetails>(cancellationToken)))
        {
            throw new AccessDeniedException(permission == Permission.UpdateActions
                ? "Progress on a recommendation is reported by the secretariat of a board that tracks its review, or by a programme lead of an organisation that owns it."
                : "A recommendation's owners and response are recorded by the chair or secretariat of a board that tracks its review.");
        }
    }

    private static async Task<Ok<RecommendationDetails>> LinkAsync(string reviewId, int number, LinkRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await Recommendation(grains, reviewId, number).LinkAsync(request.RelatedId));

    private static IRecommendationGrain Recommendation(IGrainFactory grains, string reviewId, int number) =>
        grains.GetGrain<IRecommendationGrain>(RecommendationId(reviewId, number));

    private static string RecommendationId(string reviewId, int number) => $"{reviewId}/{number}";

    /// <summary>The body of a request to record a review.</summary>
    /// <param name="Id">The review's slug (<c>smith-2015</c>).</param>
    /// <param name="Title">Its title.</param>
    /// <param name="Lead">Who led it.</param>
    /// <param name="PublishedOn">When it was published.</param>
    /// <param name="PublishedPrecision">How much of the date the source states.</param>
    /// <param name="Source">Where it is set out.</param>
    /// <param name="StatedRecommendationCount">How many recommendations it says it makes.</param>
    public sealed record CreateReviewRequest(string Id, string Title, string Lead, DateOnly PublishedOn, DatePrecision PublishedPrecision = DatePrecision.Day, string? Source = null, int? StatedRecommendationCount = null);

    /// <summary>The body of a request to record one recommendation.</summary>
    /// <param name="Number">Its number within the review.</param>
    /// <param name="Text">The text as the source states it.</param>
    /// <param name="Heading">The heading or theme.</param>
    /// <param name="Response">The government's response.</param>
    /// <param name="ResponseRationale">The reasons given with it.</param>
    /// <param name="LeadOwner">The lead owner.</param>
    /// <param name="SupportingOwners">The supporting owners.</param>
    /// <param name="OwnersEffectiveOn">The date the owners apply from.</param>
    /// <param name="Status">The implementation status.</param>
    /// <param name="Rag">The RAG rating.</param>
    /// <param name="ProgressPercent">The progress percentage.</param>
    public sealed record CreateRecommendationRequest(
        int Number,
        string Text,
        string? Heading = null,
        GovernmentResponse? Response = null,
        string? ResponseRationale = null,
        OwnerRef? LeadOwner = null,
        IReadOnlyList<OwnerRef>? SupportingOwners = null,
        DateOnly? OwnersEffectiveOn = null,
        ImplementationStatus? Status = null,
        RagRating? Rag = null,
        int? ProgressPercent = null);

    /// <summary>The body of a request to link two recommendations.</summary>
    /// <param name="RelatedId">The other recommendation, as review/number.</param>
    public sealed record LinkRequest(string RelatedId);
}
