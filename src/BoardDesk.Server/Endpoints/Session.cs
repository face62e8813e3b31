using System.Security.Claims;
using BoardDesk.Accounts;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoardDesk.Server.Endpoints;

/// <summary>The web session API: <c>/api/session</c>.</summary>
public static class Session
{
    /// <summary>Maps the session endpoints.</summary>
    public static IEndpointRouteBuilder MapSession(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/session").WithTags("Session");
        group.MapPost("/", SignInAsync).WithName("SignIn").WithSummary("Signs in with a user name and password and starts a web session.")
            .RequireAddressLimit(RateLimits.SignIn).DisableAntiforgery().ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequirePermission(Permission.ReadPublic);
        group.MapDelete("/", SignOutAsync).WithName("SignOut").WithSummary("Ends the web session.")
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/", WhoAmI).WithName("GetSession").WithSummary("Says who is signed in, with their roles.")
            .RequirePermission(Permission.OwnAccount);
        group.MapGet("/antiforgery", Antiforgery).WithName("GetAntiforgeryToken")
            .WithSummary("Gives the token that changes sent with a session cookie carry in the X-XSRF-TOKEN header.")
            .RequirePermission(Permission.ReadPublic);
        return routes;
    }

    private static async Task<Results<Ok<SessionInfo>, ProblemHttpResult>> SignInAsync(SignInRequest request, HttpContext context, SignInService signIn)
    {
        var account = await signIn.SignInAsync(context, request.UserName, request.Password);
        return account is null
            ? TypedResults.Problem(detail: SignInService.FailureMessage, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.")
            : TypedResults.Ok(new SessionInfo(account.UserName, account.DisplayName, account.SystemAdministrator, account.BoardRoles.ToArray()));
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context, SignInService signIn)
    {
        await signIn.SignOutAsync(context);
        return TypedResults.NoContent();
    }

    private static Ok<SessionInfo> WhoAmI(ClaimsPrincipal user) => TypedResults.Ok(new SessionInfo(
        user.Identity!.Name!,
        user.FindFirstValue(ClaimTypes.GivenName) ?? "",
        user.IsAdministrator(),
        user.BoardRoles().ToArray()));

    private static Ok<AntiforgeryToken> Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName!, tokens.RequestToken!));
    }

    /// <summary>A sign-in request.</summary>
    /// <param name="UserName">The account's user name.</param>
    /// <param name="Password">Its password.</param>
    public sealed record SignInRequest(string UserName, string Password);

    /// <summary>Who is signed in.</summary>
    /// <param name="UserName">The user name.</param>
    /// <param name="DisplayName">The person's name.</param>
    /// <param name="SystemAdministrator">Whether they administer organisations and accounts.</param>
    /// <param name="BoardRoles">Their roles on boards.</param>
    public sealed record SessionInfo(string UserName, string DisplayName, bool SystemAdministrator, BoardRoleGrant[] BoardRoles);

    /// <summary>The antiforgery token and the header to send it in.</summary>
    /// <param name="HeaderName">The header's name.</param>
    /// <param name="Token">The token.</param>
    public sealed record AntiforgeryToken(string HeaderName, string Token);
}
