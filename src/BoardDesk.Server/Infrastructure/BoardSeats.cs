using System.Security.Claims;
using BoardDesk.Accounts;
using BoardDesk.Boards;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Whom an account may act for on a board: a member for their own organisation's board member and its deputies; the
/// chair also for the board member who holds the chair. Ballots (API and pages) and a member's own declarations of
/// interest follow this one rule.
/// </summary>
public static class BoardSeats
{
    /// <summary>The board members the user sits for.</summary>
    public static IReadOnlyList<BoardMember> SeatsOf(ClaimsPrincipal user, BoardDetails board)
    {
        var grants = user.BoardRoles().Where(g => g.BoardId == board.Id).ToList();
        return board.Members
            .Where(m => grants.Any(g => g.Role == BoardRole.Member && g.OrganisationId == m.OrganisationId)
                || (m.Office == BoardOffice.Chair && grants.Any(g => g.Role == BoardRole.Chair)))
            .ToList();
    }

    /// <summary>The people the user may act as: the members they sit for and those members' deputies.</summary>
    public static IReadOnlyList<string> PeopleFor(ClaimsPrincipal user, BoardDetails board) =>
        SeatsOf(user, board).SelectMany(m => m.Deputies.Prepend(m.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The board member a person is, or deputises for; null for someone not named on the board.</summary>
    public static BoardMember? SeatOf(BoardDetails board, string? person) =>
        board.Members.FirstOrDefault(m => Same(m.Name, person) || m.Deputies.Any(d => Same(d, person)));

    /// <summary>
    /// Whether the user may cast a ballot as <paramref name="voter"/>: someone named on the board only by those who sit
    /// for them. A name not on the board (a deputy named only in the attendance) is left to the decision's own rule
    /// of who is eligible.
    /// </summary>
    public static bool MayCastAs(ClaimsPrincipal user, BoardDetails board, string? voter) =>
        SeatOf(board, voter) is not { } member || SeatsOf(user, board).Contains(member);

    /// <summary>Whether two names are the same person's, as the board and the attendance write them.</summary>
    public static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
