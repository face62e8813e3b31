using BoardDesk.Boards;
using BoardDesk.Meetings;
using BoardDesk.Notifications;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace BoardDesk.Server.Calendars;

/// <summary>
/// Board meetings in iCalendar (RFC 5545), written with Ical.Net: the board's feed (METHOD:PUBLISH) and the
/// invitation emailed when a meeting is planned, moved (METHOD:REQUEST) or cancelled (METHOD:CANCEL). Both give a
/// meeting the same UID (<c>{board}-{meeting}@{host}</c>) and SEQUENCE (its calendar changes), so that a calendar
/// which has the invitation recognises the feed's entry as the same meeting. Times are in UTC: no VTIMEZONE needed.
/// </summary>
public static class MeetingCalendar
{
    /// <summary>The UID domain: fixed, because UIDs must not change with the address a client used.</summary>
    public const string UidHost = "boarddesk";

    /// <summary>The feed of a board's meetings, cancelled ones marked as such.</summary>
    public static string Write(BoardDetails board, IEnumerable<MeetingDetails> meetings, DateTimeOffset stamp, string host)
    {
        var calendar = NewCalendar("PUBLISH");
        calendar.AddProperty("X-WR-CALNAME", board.Name);
        foreach (var meeting in meetings.OrderBy(m => m.MeetingId, StringComparer.Ordinal))
        {
            // The feed names the board as it is named now, not as it was when the meeting was planned.
            var entry = Entry(MeetingInvitation.Of(meeting) with { BoardName = board.Name }, stamp, host);
            var agenda = meeting.Agenda.Where(i => i.Part == AgendaPart.Public).Select(i => $"{i.Number}. {i.Title}");
            entry.Description = $"Agenda (public items):\n{string.Join("\n", agenda)}";
            calendar.Events.Add(entry);
        }

        return Serialize(calendar);
    }

    /// <summary>
    /// The invitation to one person: METHOD:REQUEST for a meeting planned or moved, METHOD:CANCEL for one cancelled,
    /// with the organiser (the sender's address) and the person as attendee.
    /// </summary>
    public static string Invitation(MeetingInvitation meeting, DateTimeOffset stamp, string organizer, string attendee, string attendeeName, string pageUrl)
    {
        var calendar = NewCalendar(meeting.Cancelled ? "CANCEL" : "REQUEST");
        var entry = Entry(meeting, stamp, UidHost);
        entry.Description = $"The meeting's page, agenda and papers: {pageUrl}";
        entry.Organizer = new Organizer($"mailto:{organizer}") { CommonName = "BoardDesk" };
        entry.Attendees.Add(new Ical.Net.DataTypes.Attendee($"mailto:{attendee}")
        {
            CommonName = attendeeName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = "NEEDS-ACTION",
            Rsvp = !meeting.Cancelled,
        });
        calendar.Events.Add(entry);
        return Serialize(calendar);
    }

    /// <summary>A meeting's UID in the feed and in invitations.</summary>
    public static string UidOf(string boardId, string meetingId, string host) => $"{boardId}-{meetingId}@{host}";

    private static Calendar NewCalendar(string method)
    {
        var calendar = new Calendar { ProductId = "-//BoardDesk//Board meetings//EN", Scale = "GREGORIAN", Method = method };
        return calendar;
    }

    private static CalendarEvent Entry(MeetingInvitation meeting, DateTimeOffset stamp, string host)
    {
        var entry = new CalendarEvent
        {
            Uid = UidOf(meeting.BoardId, meeting.MeetingId, host),
            DtStamp = Utc(stamp),
            Start = Utc(UkTime.At(meeting.Date, meeting.StartsAt)),
            End = Utc(UkTime.At(meeting.Date, meeting.EndsAt)),
            Sequence = (int)Math.Min(meeting.Sequence, int.MaxValue),
            Summary = $"{meeting.BoardName}: meeting of {meeting.Date:d MMMM yyyy}",
            Status = meeting.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (meeting.Location is not null)
        {
            entry.Location = meeting.Location;
        }

        if (meeting.Link is not null)
        {
            entry.Url = new Uri(meeting.Link);
        }

        return entry;
    }

    /// <summary>
    /// Ical.Net writes a component's properties in name order; VERSION is moved back to the head of the calendar,
    /// where the feed always had it and where some older clients look for it first.
    /// </summary>
    private static string Serialize(Calendar calendar)
    {
        const string head = "BEGIN:VCALENDAR\r\n";
        const string version = "VERSION:2.0\r\n";
        var ics = new CalendarSerializer().SerializeToString(calendar)!;
        var at = ics.IndexOf($"\r\n{version}", StringComparison.Ordinal);
        return ics.StartsWith(head, StringComparison.Ordinal) && at > 0
            ? head + version + ics[head.Length..(at + 2)] + ics[(at + 2 + version.Length)..]
            : ics;
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime);
}
