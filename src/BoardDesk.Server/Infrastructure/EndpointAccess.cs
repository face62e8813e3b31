using BoardDesk.Boards;
using BoardDesk.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace BoardDesk.Server.Infrastructure;

/// <summary>Finds the board an endpoint's request is about, or null when the endpoint is not about one board.</summary>
public delegate ValueTask<string?> BoardScope(HttpContext context);

/// <summary>The permission an endpoint requires, as endpoint metadata: the authorization tests read it.</summary>
public sealed record PermissionMetadata(Permission Permission, bool BoardScoped);

/// <summary>
/// Declares what an endpoint needs; <see cref="AccessPolicy"/> decides. The check runs in the authorization
/// middleware, before the request body is read, so a caller without the permission learns nothing from the body's
/// validation: the anonymous get 401, the signed in 403.
/// </summary>
public static class EndpointAccess
{
    /// <summary>
    /// The board named by the route's <c>boardId</c>. A board that does not exist scopes nothing: the caller then
    /// needs the permission on some board, and hears 404 from the endpoint rather than a misleading 403.
    /// </summary>
    public static BoardScope BoardFromRoute { get; } = context => ExistingBoardAsync(context, context.Request.RouteValues["boardId"] as string);

    /// <summary>The board id when such a board exists, else null.</summary>
    public static async ValueTask<string?> ExistingBoardAsync(HttpContext context, string? boardId) =>
        boardId is not null && await context.RequestServices.GetRequiredService<IReadModels>().FindAsync<BoardDetails>(boardId, context.RequestAborted) is not null
            ? boardId
            : null;

    /// <summary>Requires <paramref name="permission"/>, on the board <paramref name="scope"/> finds when given, on any board otherwise.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission, BoardScope? scope = null)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new PermissionMetadata(permission, scope is not null));
        return permission == Permission.ReadPublic
            ? builder.AllowAnonymous()
            : builder.RequireAuthorization(new AuthorizationPolicyBuilder().AddRequirements(new PermissionRequirement(permission, scope)).Build());
    }

    /// <summary>The permission an endpoint declared, or null when it declared none.</summary>
    public static PermissionMetadata? PermissionOf(Endpoint endpoint) => endpoint.Metadata.GetMetadata<PermissionMetadata>();

    /// <summary>Registers the handler that checks permissions, and the answer to a caller refused something hidden from them.</summary>
    public static IServiceCollection AddEndpointAccess(this IServiceCollection services) =>
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>()
            .AddSingleton<IAuthorizationMiddlewareResultHandler, HiddenAsNotFound>();

    private sealed record PermissionRequirement(Permission Permission, BoardScope? Scope) : IAuthorizationRequirement;

    private sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
        {
            var board = requirement.Scope is not null && context.Resource is HttpContext http ? await requirement.Scope(http) : null;
            if (AccessPolicy.Allows(context.User, requirement.Permission, board))
            {
                context.Succeed(requirement);
            }
        }
    }

    /// <summary>
    /// A caller asking about a paper, decision or action that does not exist, or that they may not see, hears 404
    /// before anything else is checked: the same answer for both, whatever the body.
    /// </summary>
    private sealed class HiddenAsNotFound : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            // A caller who holds the permission on some board hears 404 for an unknown or hidden id, before the body is
            // read; one who holds it on none hears 403 for every id, hidden or unknown alike.
            var scoped = policy.Requirements.OfType<PermissionRequirement>().Where(r => r.Scope is not null).ToList();
            if (scoped.Count > 0
                && (authorizeResult.Succeeded || (authorizeResult.Forbidden && scoped.Any(r => AccessPolicy.Allows(context.User, r.Permission))))
                && await Confidentiality.NotFoundForCallerAsync(context) is { } notFound)
            {
                throw notFound;
            }

            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
