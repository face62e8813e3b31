using System.Security.Claims;
using BoardDesk.Boards;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Whom an account may act for on a board: the seat the board links to the account, as the member who holds it, or
/// as the deputy the board appointed and linked to the account. A role never lends a seat (the chair votes as the
/// member whose seat they hold), and no free-text name does. Ballots (API and pages) and a member's own declarations
/// of interest follow this one rule.
/// </summary>
public static class BoardSeats
{
    /// <summary>The board members the user holds the seat of, or deputises for by an appointment linked to their account.</summary>
    public static IReadOnlyList<BoardMember> SeatsOf(ClaimsPrincipal user, BoardDetails board) =>
        board.Members.Where(m => PeopleOf(user, m).Any()).ToList();

    /// <summary>The people on the board the user is: the member whose seat they hold, or the appointed deputy they are.</summary>
    public static IReadOnlyList<string> PeopleFor(ClaimsPrincipal user, BoardDetails board) =>
        board.Members.SelectMany(m => PeopleOf(user, m)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The board member a person is, or deputises for; null for someone not named on the board.</summary>
    public static BoardMember? SeatOf(BoardDetails board, string? person) =>
        board.Members.FirstOrDefault(m => Same(m.Name, person) || m.Deputies.Any(d => Same(d, person)));

    /// <summary>Whether the user may cast a ballot as <paramref name="voter"/>: only as a person on the board linked to their account.</summary>
    public static bool MayCastAs(ClaimsPrincipal user, BoardDetails board, string? voter) =>
        voter is not null && PeopleFor(user, board).Any(p => Same(p, voter));

    /// <summary>
    /// In words, whom a person on the board stands for, by the organisation and never by a seat's label (which the
    /// same board's deputies, or another board's members, may share): "for Monitor as its representative", "for NHS
    /// Trust Development Authority as its representative's deputy", after "you vote" (or "you sit", without a vote).
    /// </summary>
    public static string Capacity(BoardMember member, string person, string organisationName) =>
        $"for {organisationName} {(Same(member.Name, person) ? "as its representative" : "as its representative's deputy")}";

    /// <summary>Whether two names are the same person's, as the board and the attendance write them.</summary>
    public static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> PeopleOf(ClaimsPrincipal user, BoardMember member)
    {
        if (user.Identity is not { IsAuthenticated: true, Name: { } userName })
        {
            yield break;
        }

        if (string.Equals(member.UserName, userName, StringComparison.OrdinalIgnoreCase))
        {
            yield return member.Name;
        }

        foreach (var (deputy, account) in member.DeputyUserNames)
        {
            if (string.Equals(account, userName, StringComparison.OrdinalIgnoreCase) && member.Deputies.Any(d => Same(d, deputy)))
            {
                yield return deputy;
            }
        }
    }
}
