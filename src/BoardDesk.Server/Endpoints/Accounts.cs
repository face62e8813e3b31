using System.Security.Claims;
using BoardDesk.Accounts;
using BoardDesk.Grains;
using BoardDesk.Persistence;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoardDesk.Server.Endpoints;

/// <summary>The accounts API: <c>/api/accounts</c> for administrators, <c>/api/account</c> for the signed-in person.</summary>
public static class Accounts
{
    /// <summary>Maps the account endpoints.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/accounts").WithTags("Accounts");
        admin.MapGet("/", ListAsync).WithName("ListAccounts").WithSummary("Lists every account.")
            .RequirePermission(Permission.AdministerAccounts);
        admin.MapPost("/", CreateAsync).WithName("CreateAccount").WithSummary("Creates an account.")
            .RequirePermission(Permission.AdministerAccounts);
        admin.MapGet("/{userName}", GetAsync).WithName("GetAccount").WithSummary("Gets one account.")
            .RequirePermission(Permission.AdministerAccounts);
        admin.MapPut("/{userName}/enabled", SetEnabledAsync).WithName("SetAccountEnabled").WithSummary("Enables or disables an account.")
            .RequirePermission(Permission.AdministerAccounts);
        admin.MapPut("/{userName}/password", ResetPasswordAsync).WithName("ResetPassword").WithSummary("Sets a new password for an account.")
            .RequirePermission(Permission.AdministerAccounts);
        admin.MapPost("/{userName}/roles", GrantRoleAsync).WithName("GrantBoardRole").WithSummary("Grants a role on a board.")
            .RequirePermission(Permission.AdministerAccounts);
        admin.MapDelete("/{userName}/roles/{boardId}/{role}", RevokeRoleAsync).WithName("RevokeBoardRole").WithSummary("Removes a role on a board.")
            .RequirePermission(Permission.AdministerAccounts);

        routes.MapPost("/api/accounts/password-reset", RequestResetAsync).WithTags("Accounts").WithName("RequestPasswordReset")
            .WithSummary("Asks the administrators to reset a password; the answer is the same whether or not the account exists.")
            .RequireAddressLimit(RateLimits.SignIn)
            .RequirePermission(Permission.ReadPublic);

        var own = routes.MapGroup("/api/account").WithTags("Accounts");
        own.MapGet("/", OwnAsync).WithName("GetOwnAccount").WithSummary("Gets the signed-in person's account.")
            .RequirePermission(Permission.OwnAccount);
        own.MapGet("/seats", OwnSeatsAsync).WithName("GetOwnSeats")
            .WithSummary("Whom the signed-in person stands for on each board: the seat the board links to their account, or the deputy it appointed them as, in words (\"You vote for Monitor as its representative\").")
            .RequirePermission(Permission.OwnAccount);
        own.MapPut("/password", ChangeOwnPasswordAsync).WithName("ChangeOwnPassword").WithSummary("Changes one's own password.")
            .RequirePermission(Permission.OwnAccount);
        own.MapPost("/tokens", IssueTokenAsync).WithName("IssueApiToken").WithSummary("Issues an API token, shown once.")
            .RequirePermission(Permission.OwnAccount);
        own.MapDelete("/tokens/{tokenId}", RevokeTokenAsync).WithName("RevokeApiToken").WithSummary("Revokes one of one's API tokens.")
            .RequirePermission(Permission.OwnAccount);
        return routes;
    }

    private static async Task<Ok<AccountDetails[]>> ListAsync(IReadModels readModels, CancellationToken cancellationToken) =>
        TypedResults.Ok((await readModels.AllAsync<AccountDetails>(cancellationToken)).OrderBy(a => a.UserName, StringComparer.Ordinal).Select(Public).ToArray());

    private static async Task<Created<AccountDetails>> CreateAsync(CreateAccountRequest request, IGrainFactory grains)
    {
        var account = await Account(grains, request.UserName).CreateAsync(new CreateAccount(request.DisplayName, request.Password, request.SystemAdministrator, request.Email));
        return TypedResults.Created($"/api/accounts/{account.UserName}", Public(account));
    }

    private static async Task<Ok<AccountDetails>> GetAsync(string userName, IGrainFactory grains) =>
        TypedResults.Ok(Public(await Account(grains, userName).GetAsync()));

    private static async Task<Ok<AccountDetails>> SetEnabledAsync(string userName, EnabledRequest request, IGrainFactory grains) =>
        TypedResults.Ok(Public(await Account(grains, userName).SetEnabledAsync(request.Enabled)));

    private static async Task<NoContent> ResetPasswordAsync(string userName, NewPasswordRequest request, IGrainFactory grains)
    {
        await Account(grains, userName).ChangePasswordAsync(new ChangePassword(request.NewPassword, null, ByAdministrator: true));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AccountDetails>> GrantRoleAsync(string userName, BoardRoleGrant grant, IGrainFactory grains) =>
        TypedResults.Ok(Public(await Account(grains, userName).GrantBoardRoleAsync(grant)));

    private static async Task<Ok<AccountDetails>> RevokeRoleAsync(string userName, string boardId, BoardRole role, string? organisationId, IGrainFactory grains) =>
        TypedResults.Ok(Public(await Account(grains, userName).RevokeBoardRoleAsync(new BoardRoleGrant(boardId, role, organisationId))));

    private static async Task<Accepted> RequestResetAsync(ResetRequest request, IGrainFactory grains)
    {
        var name = (request.UserName ?? "").Trim().ToLowerInvariant();
        if (AccountGrain.IsValidUserName(name))
        {
            await grains.GetGrain<IAccountGrain>(name).RequestPasswordResetAsync();
        }

        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Ok<AccountDetails>> OwnAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(Public(await Account(grains, user.Identity!.Name!).GetAsync()));

    private static async Task<Ok<SeatSummary[]>> OwnSeatsAsync(ClaimsPrincipal user, IReadModels readModels, CancellationToken cancellationToken)
    {
        var names = (await readModels.AllAsync<BoardDesk.Organisations.OrganisationDetails>(cancellationToken)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var seats = new List<SeatSummary>();
        foreach (var board in (await readModels.AllAsync<BoardDesk.Boards.BoardDetails>(cancellationToken)).OrderBy(b => b.Name, StringComparer.Ordinal))
        {
            foreach (var person in BoardSeats.PeopleFor(user, board))
            {
                var member = BoardSeats.SeatOf(board, person)!;
                var organisation = names.GetValueOrDefault(member.OrganisationId, member.OrganisationId);
                var capacity = BoardSeats.Capacity(member, person, organisation);
                seats.Add(new SeatSummary(
                    board.Id,
                    board.Name,
                    member.OrganisationId,
                    organisation,
                    person,
                    !BoardSeats.Same(member.Name, person),
                    member.Voting,
                    member.Voting ? $"You vote {capacity} on the {board.Name}." : $"You sit {capacity}, without a vote, on the {board.Name}."));
            }
        }

        return TypedResults.Ok(seats.ToArray());
    }

    private static async Task<NoContent> ChangeOwnPasswordAsync(ChangePasswordRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Account(grains, user.Identity!.Name!).ChangePasswordAsync(new ChangePassword(request.NewPassword, request.CurrentPassword));
        return TypedResults.NoContent();
    }

    private static async Task<Created<IssuedToken>> IssueTokenAsync(TokenRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var issued = await Account(grains, user.Identity!.Name!).IssueTokenAsync(request.Name);
        return TypedResults.Created($"/api/account/tokens/{issued.Id}", issued);
    }

    private static async Task<NoContent> RevokeTokenAsync(string tokenId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Account(grains, user.Identity!.Name!).RevokeTokenAsync(tokenId);
        return TypedResults.NoContent();
    }

    /// <summary>The account grain of a user name, refused with 400 when the name cannot be one.</summary>
    internal static IAccountGrain Account(IGrainFactory grains, string userName)
    {
        var name = userName.Trim().ToLowerInvariant();
        return AccountGrain.IsValidUserName(name)
            ? grains.GetGrain<IAccountGrain>(name)
            : throw new ValidationException("userName", "A user name is 3 to 64 lowercase letters, digits and . _ @ - characters.");
    }

    // The security stamp identifies sessions; it never leaves the server.
    internal static AccountDetails Public(AccountDetails account) => account with { SecurityStamp = "" };

    /// <summary>A person's place on a board.</summary>
    /// <param name="BoardId">The board.</param>
    /// <param name="BoardName">Its name.</param>
    /// <param name="OrganisationId">The organisation the person stands for.</param>
    /// <param name="OrganisationName">Its name.</param>
    /// <param name="Person">The person as the board names them (a member, or an appointed deputy).</param>
    /// <param name="Deputy">Whether they are the representative's appointed deputy.</param>
    /// <param name="Voting">Whether the seat votes.</param>
    /// <param name="Description">In words: "You vote for Monitor as its representative on the …".</param>
    public sealed record SeatSummary(string BoardId, string BoardName, string OrganisationId, string OrganisationName, string Person, bool Deputy, bool Voting, string Description);

    /// <summary>A request to create an account.</summary>
    public sealed record CreateAccountRequest(string UserName, string DisplayName, string Password, bool SystemAdministrator = false, string? Email = null);

    /// <summary>Enables or disables an account.</summary>
    public sealed record EnabledRequest(bool Enabled);

    /// <summary>A new password set by an administrator.</summary>
    public sealed record NewPasswordRequest(string NewPassword);

    /// <summary>A request to reset a password.</summary>
    public sealed record ResetRequest(string UserName);

    /// <summary>A change of one's own password.</summary>
    public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

    /// <summary>A request for an API token.</summary>
    public sealed record TokenRequest(string Name);
}
