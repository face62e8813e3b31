using System.Security.Claims;
using BoardDesk.Meetings;
using BoardDesk.Papers;
using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.Components.Shared;

/// <summary>
/// What a page may show to its reader, on top of <see cref="AccessPolicy"/>: private agenda items, their papers and
/// their minutes, and papers not yet published, need <see cref="Permission.ReadBoard"/> on the board; everyone else
/// sees only public items, published public papers and approved minutes of public items.
/// </summary>
public static class ContentAccess
{
    /// <summary>Whether the user may read the board's own material, private items and unpublished papers included.</summary>
    public static bool CanReadBoard(ClaimsPrincipal user, string boardId) => AccessPolicy.Allows(user, Permission.ReadBoard, boardId);

    /// <summary>Whether the user may prepare the board's meetings (agendas, papers, attendance, minutes).</summary>
    public static bool CanPrepare(ClaimsPrincipal user, string boardId) => AccessPolicy.Allows(user, Permission.PrepareMeetings, boardId);

    /// <summary>The agenda items the user may see.</summary>
    public static IReadOnlyList<AgendaItem> VisibleAgenda(ClaimsPrincipal user, MeetingDetails meeting) =>
        CanReadBoard(user, meeting.BoardId) ? meeting.Agenda : meeting.Agenda.Where(i => i.Part == AgendaPart.Public).ToList();

    /// <summary>Whether the user may see the minutes' items that are visible to them: drafts only for the board.</summary>
    public static bool CanSeeMinutes(ClaimsPrincipal user, MeetingDetails meeting) =>
        meeting.Minutes is { } minutes && (minutes.Locked || CanReadBoard(user, meeting.BoardId));

    /// <summary>
    /// Whether the user may read a paper: the board reads all of them; others read a published paper that no agenda
    /// takes in private.
    /// </summary>
    public static bool CanSeePaper(ClaimsPrincipal user, PaperDetails paper, IEnumerable<MeetingDetails> meetings) =>
        CanReadBoard(user, paper.BoardId)
        || (paper.Status == PaperStatus.Published
            && !meetings.Any(m => m.BoardId == paper.BoardId && m.Agenda.Any(i => i.PaperId == paper.Id && i.Part == AgendaPart.Private)));
}
