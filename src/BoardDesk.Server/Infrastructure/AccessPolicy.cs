using System.Collections.Frozen;
using System.Security.Claims;
using BoardDesk.Accounts;
using BoardDesk.Boards;
using BoardDesk.Recommendations;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// The one place that says who may do what: each board role's permissions on its own board, and the system
/// administrator's across boards. Endpoints declare the permission they need; this policy decides. docs/roles.md
/// shows the same matrix.
/// </summary>
public static class AccessPolicy
{
    /// <summary>The permissions each board role grants on its board.</summary>
    public static FrozenDictionary<BoardRole, FrozenSet<Permission>> BoardRoles { get; } = new Dictionary<BoardRole, FrozenSet<Permission>>
    {
        [BoardRole.Secretariat] = Set(Permission.ReadPublic, Permission.ReadBoard, Permission.PrepareMeetings, Permission.DeclareInterests, Permission.UpdateActions, Permission.RecordBoardDecisions),
        [BoardRole.Chair] = Set(Permission.ReadPublic, Permission.ReadBoard, Permission.DeclareInterests, Permission.Vote, Permission.ChairVotes, Permission.RecordBoardDecisions),
        [BoardRole.Member] = Set(Permission.ReadPublic, Permission.ReadBoard, Permission.DeclareInterests, Permission.Vote),
        [BoardRole.ProgrammeLead] = Set(Permission.ReadPublic, Permission.UpdateActions),
        [BoardRole.Observer] = Set(Permission.ReadPublic),
    }.ToFrozenDictionary();

    /// <summary>The permissions of a system administrator, on every board.</summary>
    public static FrozenSet<Permission> Administrator { get; } = Set(Permission.ReadPublic, Permission.AdministerOrganisations, Permission.AdministerAccounts);

    /// <summary>Whether <paramref name="user"/> holds <paramref name="permission"/>, on <paramref name="boardId"/> when it is board-scoped.</summary>
    public static bool Allows(ClaimsPrincipal user, Permission permission, string? boardId = null)
    {
        if (permission == Permission.ReadPublic)
        {
            return true;
        }

        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (permission == Permission.OwnAccount || (user.IsAdministrator() && Administrator.Contains(permission)))
        {
            return true;
        }

        return user.BoardRoles().Any(grant =>
            (boardId is null || grant.BoardId == boardId) && BoardRoles[grant.Role].Contains(permission));
    }

    /// <summary>
    /// Whether <paramref name="user"/> may change a recommendation: its owners and response
    /// (<see cref="Permission.RecordBoardDecisions"/>) the chair and secretariat of a board that tracks its review; its
    /// progress (<see cref="Permission.UpdateActions"/>) that secretariat, or a programme lead on such a board who works
    /// for an organisation owning it (lead or supporting owner).
    /// </summary>
    public static bool AllowsRecommendationChange(ClaimsPrincipal user, Permission permission, RecommendationDetails recommendation, IEnumerable<BoardDetails> boards)
    {
        var tracking = boards.Where(b => b.TrackedReviews.Contains(recommendation.ReviewId, StringComparer.Ordinal)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var owners = recommendation.SupportingOwners.Append(recommendation.LeadOwner).OfType<OwnerRef>().Select(o => o.OrganisationId).ToHashSet(StringComparer.Ordinal);
        return user.Identity?.IsAuthenticated == true && user.BoardRoles().Any(grant =>
            tracking.Contains(grant.BoardId)
            && BoardRoles[grant.Role].Contains(permission)
            && (permission != Permission.UpdateActions
                || grant.Role == BoardRole.Secretariat
                || (grant.Role == BoardRole.ProgrammeLead && grant.OrganisationId is { } organisation && owners.Contains(organisation))));
    }

    /// <summary>The boards on which <paramref name="user"/> holds <paramref name="permission"/> through a board role.</summary>
    public static IReadOnlySet<string> BoardsWhere(ClaimsPrincipal user, Permission permission) =>
        user.BoardRoles().Where(g => BoardRoles[g.Role].Contains(permission)).Select(g => g.BoardId).ToHashSet(StringComparer.Ordinal);

    private static FrozenSet<Permission> Set(params Permission[] permissions) => permissions.ToFrozenSet();
}
