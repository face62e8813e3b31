using BoardDesk.Actions;
using BoardDesk.Decisions;
using BoardDesk.Persistence;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Board scopes for routes that name a decision or an action rather than a board: the board is looked up in the
/// in-memory read model, so the check costs no grain call. An unknown id gives no board, so only a permission held on
/// some board lets the request through to its 404.
/// </summary>
public static class ResourceBoards
{
    /// <summary>The board of the decision named by the route's <c>decisionId</c>.</summary>
    public static BoardScope Decision { get; } = async context =>
        context.Request.RouteValues["decisionId"] is string id
            ? (await context.RequestServices.GetRequiredService<IReadModels>().FindAsync<DecisionDetails>(id, context.RequestAborted))?.BoardId
            : null;

    /// <summary>The board of the action named by the route's <c>actionId</c>.</summary>
    public static BoardScope Action { get; } = async context =>
        context.Request.RouteValues["actionId"] is string id
            ? (await context.RequestServices.GetRequiredService<IReadModels>().FindAsync<ActionDetails>(id, context.RequestAborted))?.BoardId
            : null;
}
