using System.Security.Claims;
using BoardDesk.Accounts;
using BoardDesk.Actions;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Who may see and update one action, for the API and the pages alike: the board reads its actions, and an owner
/// reads their own even without reading the board (a programme lead); a programme lead updates only the actions they
/// own, the secretariat any action of its board.
/// </summary>
public static class ActionAccess
{
    /// <summary>Whether <paramref name="user"/> may see <paramref name="action"/>.</summary>
    public static bool CanRead(ClaimsPrincipal user, ActionDetails action) =>
        AccessPolicy.Allows(user, Permission.ReadBoard, action.BoardId) || IsOwner(user, action.Owner.Person);

    /// <summary>Whether <paramref name="user"/> may add progress to an action of <paramref name="boardId"/> owned by <paramref name="owner"/>.</summary>
    public static bool CanUpdate(ClaimsPrincipal user, string boardId, string owner) =>
        AccessPolicy.Allows(user, Permission.UpdateActions, boardId)
        && (user.BoardRoles().Any(g => g.BoardId == boardId && g.Role == BoardRole.Secretariat) || IsOwner(user, owner));

    /// <summary>Whether <paramref name="user"/> is the person an action names as its owner.</summary>
    public static bool IsOwner(ClaimsPrincipal user, string owner) =>
        user.Identity?.IsAuthenticated == true && string.Equals(owner, user.Identity.Name, StringComparison.OrdinalIgnoreCase);
}
