using System.Security.Claims;
using BoardDesk.Accounts;
using BoardDesk.Boards;
using BoardDesk.Decisions;
using BoardDesk.Grains;
using BoardDesk.Persistence;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoardDesk.Server.Endpoints;

/// <summary>Decisions and their votes: <c>/api/boards/{boardId}/decisions</c> and <c>/api/decisions/{decisionId}</c>.</summary>
public static class Decisions
{
    /// <summary>Maps the decision endpoints.</summary>
    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder routes)
    {
        var board = routes.MapGroup("/api/boards/{boardId}/decisions").WithTags("Decisions");
        board.MapGet("/", ListAsync).WithName("ListDecisions").WithSummary("Lists a board's decisions, newest meeting first.")
            .RequirePermission(Permission.ReadPublic);
        board.MapPost("/", ProposeAsync).WithName("ProposeDecision")
            .WithSummary("Proposes a decision at a meeting's agenda item, or by written procedure (closesAt), with its method, ballot, voting unit and effects.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);

        var decision = routes.MapGroup("/api/decisions/{decisionId}").WithTags("Decisions");
        decision.MapGet("/", GetAsync).WithName("GetDecision").WithSummary("Gets a decision, its vote and outcome, and its effects.")
            .RequirePermission(Permission.ReadPublic);
        decision.MapGet("/tally", TallyAsync).WithName("GetDecisionTally")
            .WithSummary("Gets a vote's tally as it stands: counts and ballots of a named vote, only the turnout of a secret ballot until it closes.")
            .RequirePermission(Permission.ReadPublic);
        decision.MapGet("/history", HistoryAsync).WithName("GetDecisionHistory").WithSummary("Lists every change a decision has had.")
            .RequirePermission(Permission.ReadBoard, ResourceBoards.Decision);
        decision.MapPost("/open", OpenAsync).WithName("OpenVoting").WithSummary("Opens voting: fixes who may vote, recuses declared interests, checks the quorum.")
            .RequirePermission(Permission.ChairVotes, ResourceBoards.Decision);
        decision.MapPost("/ballots", CastAsync).WithName("CastBallot").WithSummary("Casts a ballot as the person the board links to the caller's account (the seat they hold, or the deputy they were appointed as); a named ballot may be replaced, a secret one is final.")
            .RequireAddressLimit(RateLimits.Ballots)
            .RequirePermission(Permission.Vote, ResourceBoards.Decision);
        decision.MapPost("/close", CloseAsync).WithName("CloseVoting").WithSummary("Closes voting with an optional casting vote (or the consensus); the outcome is final and a carried decision's effects are applied.")
            .RequirePermission(Permission.ChairVotes, ResourceBoards.Decision);
        return routes;
    }

    private static async Task<Ok<DecisionDetails[]>> ListAsync(
        string boardId, IReadModels readModels, Confidentiality confidentiality, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var visible = new List<DecisionDetails>();
        foreach (var decision in await readModels.AllAsync<DecisionDetails>(cancellationToken))
        {
            if (decision.BoardId == boardId && await confidentiality.CanSeeAsync(decision, user, cancellationToken))
            {
                visible.Add(decision);
            }
        }

        return TypedResults.Ok(visible
            .OrderByDescending(d => d.MeetingId ?? d.ClosesAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToArray());
    }

    private static async Task<Created<DecisionDetails>> ProposeAsync(string boardId, ProposeDecision request, IGrainFactory grains, IReadModels readModels)
    {
        DecisionDetails proposed;
        if (request.DecisionId?.Trim() is { } id)
        {
            if (!Slug.IsValid(id))
            {
                throw new ValidationException("decisionId", "A decision id is a lowercase slug.");
            }

            proposed = await grains.GetGrain<IDecisionGrain>(id).ProposeAsync(boardId, request);
        }
        else
        {
            // Made from the meeting and item, or the closing date and motion: a reader can tell what it is from its address.
            proposed = await NewIds.ProposeDecisionAsync(grains, readModels, boardId, request);
        }

        return TypedResults.Created($"/api/decisions/{proposed.Id}", proposed);
    }

    private static async Task<Ok<DecisionDetails>> GetAsync(string decisionId, Confidentiality confidentiality, ClaimsPrincipal user) =>
        TypedResults.Ok(await confidentiality.VisibleDecisionAsync(decisionId, user));

    private static async Task<Ok<DecisionTally>> TallyAsync(string decisionId, Confidentiality confidentiality, IReadModels readModels, ClaimsPrincipal user, HttpContext context)
    {
        // Polled while voting is open: an answer must never be served from a cache.
        context.Response.Headers.CacheControl = "no-store";
        var decision = await confidentiality.VisibleDecisionAsync(decisionId, user, context.RequestAborted);
        return TypedResults.Ok(DecisionTally.From(decision, await DecisionTally.UnitNamesAsync(decision, readModels, context.RequestAborted)));
    }

    private static async Task<Ok<IReadOnlyList<RecordedChange>>> HistoryAsync(string decisionId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDecisionGrain>(decisionId).GetHistoryAsync());

    private static async Task<Ok<DecisionDetails>> OpenAsync(string decisionId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDecisionGrain>(decisionId).OpenAsync());

    private static async Task<Results<Ok<DecisionDetails>, ForbidHttpResult>> CastAsync(string decisionId, CastBallot request, ClaimsPrincipal user, IReadModels readModels, IGrainFactory grains, CancellationToken cancellationToken)
    {
        // Who may cast as whom is BoardSeats' rule, whether that person may vote on this decision the grain's. The check
        // reads the published documents, so a ballot costs one grain call: the decision's own turn.
        var details = await readModels.FindAsync<DecisionDetails>(decisionId, cancellationToken)
            ?? throw new NotFoundException($"There is no decision '{decisionId}'.");
        var board = await readModels.FindAsync<BoardDetails>(details.BoardId, cancellationToken)
            ?? throw new NotFoundException($"There is no board '{details.BoardId}'.");
        return BoardSeats.MayCastAs(user, board, request.Voter)
            ? TypedResults.Ok(await grains.GetGrain<IDecisionGrain>(decisionId).CastBallotAsync(request))
            : TypedResults.Forbid();
    }

    private static async Task<Ok<DecisionDetails>> CloseAsync(string decisionId, CloseVoting? request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDecisionGrain>(decisionId).CloseAsync(request ?? new CloseVoting()));
}
