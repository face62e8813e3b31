using System.Security.Claims;
using BoardDesk.Actions;
using BoardDesk.Grains;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoardDesk.Server.Endpoints;

/// <summary>The action log and action items: <c>/api/actions</c> and <c>/api/boards/{boardId}/actions</c>.</summary>
public static class Actions
{
    /// <summary>Maps the action endpoints.</summary>
    public static IEndpointRouteBuilder MapActions(this IEndpointRouteBuilder routes)
    {
        var board = routes.MapGroup("/api/boards/{boardId}/actions").WithTags("Actions");
        board.MapGet("/", BoardLogAsync).WithName("GetBoardActionLog").WithSummary("One board's action log, with the same filters as /api/actions.")
            .RequirePermission(Permission.ReadBoard, EndpointAccess.BoardFromRoute);
        board.MapPost("/", CreateAsync).WithName("CreateAction").WithSummary("Records an action agreed at a meeting (from a minute item or a recommendation).")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);

        var actions = routes.MapGroup("/api/actions").WithTags("Actions");
        actions.MapGet("/", LogAsync).WithName("GetActionLog")
            .WithSummary("The action log across the boards one may read: filter by boardId, owner, organisation (inherited=false for recorded owners only), status, overdue, source; page and pageSize.")
            .RequirePermission(Permission.ReadBoard);
        actions.MapGet("/export.csv", ExportCsvAsync).WithName("ExportActionLogCsv").WithSummary("The action log as CSV, with the screen's columns and filters.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .RequirePermission(Permission.ReadBoard);
        actions.MapGet("/export.xlsx", ExportXlsxAsync).WithName("ExportActionLogXlsx").WithSummary("The action log as XLSX, with the screen's columns and filters.")
            .Produces(StatusCodes.Status200OK, contentType: FileContentTypes.Xlsx)
            .RequirePermission(Permission.ReadBoard);
        actions.MapGet("/mine", MineAsync).WithName("GetMyActions").WithSummary("The signed-in user's own actions, on any board.")
            .RequirePermission(Permission.OwnAccount);
        actions.MapGet("/{actionId}", GetAsync).WithName("GetAction").WithSummary("Gets one action with its notes.")
            .RequirePermission(Permission.ReadBoard, ResourceBoards.Action);
        actions.MapGet("/{actionId}/history", HistoryAsync).WithName("GetActionHistory").WithSummary("Lists every change an action has had.")
            .RequirePermission(Permission.ReadBoard, ResourceBoards.Action);
        actions.MapPost("/{actionId}/updates", UpdateAsync).WithName("UpdateAction").WithSummary("Adds a dated progress note, optionally moving it to InProgress or ProposedForClosure.")
            .RequirePermission(Permission.UpdateActions, ResourceBoards.Action);
        actions.MapPost("/{actionId}/defer", DeferAsync).WithName("DeferAction").WithSummary("Defers an action to a new due date, as the board agreed.")
            .RequirePermission(Permission.RecordBoardDecisions, ResourceBoards.Action);
        actions.MapPost("/{actionId}/close", CloseAsync).WithName("CloseAction").WithSummary("Closes an action, at a held meeting of its board (matters arising).")
            .RequirePermission(Permission.RecordBoardDecisions, ResourceBoards.Action);

        routes.MapGet("/api/notifications", NotificationsAsync).WithTags("Actions").WithName("GetNotifications")
            .WithSummary("The signed-in user's notifications: actions due within 14 days or overdue, newest first.")
            .RequirePermission(Permission.OwnAccount);
        return routes;
    }

    private static async Task<Ok<ActionLogPage>> BoardLogAsync(string boardId, [AsParameters] ActionLogFilter filter, ActionLog log, CancellationToken cancellationToken) =>
        TypedResults.Ok(await log.QueryAsync(filter.ToQuery() with { BoardId = boardId }, cancellationToken));

    private static async Task<Results<Ok<ActionLogPage>, ForbidHttpResult>> LogAsync([AsParameters] ActionLogFilter filter, ClaimsPrincipal user, ActionLog log, CancellationToken cancellationToken) =>
        ReadableQuery(filter, user) is { } query ? TypedResults.Ok(await log.QueryAsync(query, cancellationToken)) : TypedResults.Forbid();

    private static async Task<Results<FileContentHttpResult, ForbidHttpResult>> ExportCsvAsync([AsParameters] ActionLogFilter filter, ClaimsPrincipal user, ActionLog log, CancellationToken cancellationToken) =>
        await ExportAsync(filter, user, log, rows => TypedResults.File(ActionLogExport.Csv(rows), "text/csv; charset=utf-8", "action-log.csv"), cancellationToken);

    private static async Task<Results<FileContentHttpResult, ForbidHttpResult>> ExportXlsxAsync([AsParameters] ActionLogFilter filter, ClaimsPrincipal user, ActionLog log, CancellationToken cancellationToken) =>
        await ExportAsync(filter, user, log, rows => TypedResults.File(ActionLogExport.Xlsx(rows), FileContentTypes.Xlsx, "action-log.xlsx"), cancellationToken);

    private static async Task<Results<FileContentHttpResult, ForbidHttpResult>> ExportAsync(ActionLogFilter filter, ClaimsPrincipal user, ActionLog log, Func<List<ActionLogEntry>, FileContentHttpResult> file, CancellationToken cancellationToken) =>
        ReadableQuery(filter, user) is { } query ? file(await log.MatchesAsync(query, cancellationToken)) : TypedResults.Forbid();

    /// <summary>The query limited to the boards the user may read; null when it names a board they may not.</summary>
    private static ActionLogQuery? ReadableQuery(ActionLogFilter filter, ClaimsPrincipal user)
    {
        var readable = AccessPolicy.BoardsWhere(user, Permission.ReadBoard);
        var query = filter.ToQuery() with { Boards = readable };
        return query.BoardId is { } boardId && !readable.Contains(boardId) ? null : query;
    }

    private static async Task<Ok<ActionLogPage>> MineAsync([AsParameters] ActionLogFilter filter, ClaimsPrincipal user, ActionLog log, CancellationToken cancellationToken) =>
        TypedResults.Ok(await log.QueryAsync(filter.ToQuery() with { Owner = user.Identity!.Name }, cancellationToken));

    private static async Task<Created<ActionDetails>> CreateAsync(string boardId, CreateActionRequest request, IGrainFactory grains)
    {
        var id = request.ActionId?.Trim() ?? NewActionId(boardId);
        var created = await grains.GetGrain<IActionItemGrain>(id).CreateAsync(new CreateAction
        {
            BoardId = boardId,
            Description = request.Description,
            Owner = request.Owner,
            DueOn = request.DueOn,
            Source = request.Source,
        });
        return TypedResults.Created($"/api/actions/{created.Id}", created);
    }

    /// <summary>A new action id on <paramref name="boardId"/>, for an action recorded without one.</summary>
    public static string NewActionId(string boardId) => $"{boardId}-action-{Guid.NewGuid().ToString("N")[..12]}";

    private static async Task<Ok<ActionDetails>> GetAsync(string actionId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IActionItemGrain>(actionId).GetAsync());

    private static async Task<Ok<IReadOnlyList<RecordedChange>>> HistoryAsync(string actionId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IActionItemGrain>(actionId).GetHistoryAsync());

    /// <summary>A programme lead updates the actions they own; the secretariat updates any action of its board.</summary>
    private static async Task<Results<Ok<ActionDetails>, ForbidHttpResult>> UpdateAsync(string actionId, UpdateAction request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var action = grains.GetGrain<IActionItemGrain>(actionId);
        var details = await action.GetAsync();
        return ActionAccess.CanUpdate(user, details.BoardId, details.Owner.Person)
            ? TypedResults.Ok(await action.UpdateAsync(request))
            : TypedResults.Forbid();
    }

    private static async Task<Ok<ActionDetails>> DeferAsync(string actionId, DeferAction request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IActionItemGrain>(actionId).DeferAsync(request));

    private static async Task<Ok<ActionDetails>> CloseAsync(string actionId, CloseAction request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IActionItemGrain>(actionId).CloseAsync(request));

    private static async Task<Ok<IReadOnlyList<ActionNotification>>> NotificationsAsync(ClaimsPrincipal user, ActionLog log, CancellationToken cancellationToken) =>
        TypedResults.Ok(await log.NotificationsAsync(user.Identity!.Name!, cancellationToken));

    /// <summary>An action as the secretariat records it; the id is made up when not given.</summary>
    private sealed record CreateActionRequest(string Description, ActionOwner Owner, DateOnly DueOn, ActionSource Source, string? ActionId = null);

    /// <summary>The action log's query string.</summary>
    private sealed record ActionLogFilter(string? BoardId, string? Owner, string? Organisation, bool? Inherited, ActionStatus? Status, bool? Overdue, ActionSourceKind? Source, int? Page, int? PageSize)
    {
        public ActionLogQuery ToQuery() => new()
        {
            BoardId = string.IsNullOrWhiteSpace(BoardId) ? null : BoardId.Trim(),
            Owner = string.IsNullOrWhiteSpace(Owner) ? null : Owner.Trim(),
            OrganisationId = string.IsNullOrWhiteSpace(Organisation) ? null : Organisation.Trim(),
            IncludeInherited = Inherited ?? true,
            Status = Status,
            Overdue = Overdue,
            Source = Source,
            Page = Page ?? 1,
            PageSize = PageSize ?? 50,
        };
    }
}
