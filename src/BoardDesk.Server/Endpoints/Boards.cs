using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.Endpoints;

/// <summary>The boards API: <c>/api/boards</c>.</summary>
public static class Boards
{
    /// <summary>Maps the board endpoints.</summary>
    public static IEndpointRouteBuilder MapBoards(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/boards").WithTags("Boards");
        group.MapGet("/", ListAsync).WithName("ListBoards").WithSummary("Lists every board, by name.")
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/{boardId}", GetAsync).WithName("GetBoard").WithSummary("Gets one board with its members, officers and rules.")
            .RequirePermission(Permission.ReadPublic);
        group.MapPost("/", CreateAsync).WithName("CreateBoard").WithSummary("Creates a board.")
            .RequirePermission(Permission.AdministerOrganisations);
        group.MapPut("/{boardId}", ReviseAsync).WithName("ReviseBoard").WithSummary("Replaces a board's definition: members, officers, quorum rule, paper deadline.")
            .RequirePermission(Permission.AdministerOrganisations);
        group.MapGet("/{boardId}/history", HistoryAsync).WithName("GetBoardHistory").WithSummary("Lists every change a board has had.")
            .RequirePermission(Permission.ReadPublic);
        return routes;
    }

    private static async Task<Ok<BoardDetails[]>> ListAsync(IReadModels readModels, CancellationToken cancellationToken)
    {
        var all = await readModels.AllAsync<BoardDetails>(cancellationToken);
        return TypedResults.Ok(all.OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ToArray());
    }

    private static async Task<Ok<BoardDetails>> GetAsync(string boardId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IBoardGrain>(boardId).GetAsync());

    private static async Task<Created<BoardDetails>> CreateAsync(CreateBoardRequest request, IGrainFactory grains)
    {
        var created = await grains.GetGrain<IBoardGrain>(request.Id).CreateAsync(new DefineBoard
        {
            Name = request.Name,
            TermsOfReference = request.TermsOfReference,
            Members = request.Members,
            Secretariat = request.Secretariat,
            Quorum = request.Quorum,
            PaperDeadlineDays = request.PaperDeadlineDays,
        });
        return TypedResults.Created($"/api/boards/{created.Id}", created);
    }

    private static async Task<Ok<BoardDetails>> ReviseAsync(string boardId, DefineBoard request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IBoardGrain>(boardId).ReviseAsync(request));

    private static async Task<Ok<IReadOnlyList<RecordedChange>>> HistoryAsync(string boardId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IBoardGrain>(boardId).GetHistoryAsync());

    /// <summary>The body of a request to create a board.</summary>
    public sealed record CreateBoardRequest
    {
        /// <summary>The slug that will identify it (<c>ldib</c>).</summary>
        public required string Id { get; init; }

        /// <summary>Its name.</summary>
        public required string Name { get; init; }

        /// <summary>Its terms of reference, in Markdown.</summary>
        public string TermsOfReference { get; init; } = "";

        /// <summary>The named representatives of its member organisations.</summary>
        public IReadOnlyList<BoardMember> Members { get; init; } = [];

        /// <summary>Who provides the secretariat.</summary>
        public string Secretariat { get; init; } = "";

        /// <summary>When a meeting is quorate.</summary>
        public QuorumRule Quorum { get; init; } = new();

        /// <summary>How many days before a meeting papers are due.</summary>
        public int PaperDeadlineDays { get; init; } = 7;
    }
}
