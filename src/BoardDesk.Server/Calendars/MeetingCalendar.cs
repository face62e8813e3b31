using System.Globalization;
using System.Text;
using BoardDesk.Boards;
using BoardDesk.Meetings;

namespace BoardDesk.Server.Calendars;

/// <summary>
/// Writes a board's meetings as an iCalendar feed (RFC 5545). Written by hand because Ical.Net does not restore from
/// the package registry: CRLF line endings, lines folded at 75 octets without splitting a UTF-8 character, TEXT
/// values escaped (backslash, semicolon, comma, newline), times in UTC so that no VTIMEZONE is needed.
/// </summary>
public static class MeetingCalendar
{
    private const string Crlf = "\r\n";

    /// <summary>The feed of a board's meetings, cancelled ones marked as such.</summary>
    public static string Write(BoardDetails board, IEnumerable<MeetingDetails> meetings, DateTimeOffset stamp, string host)
    {
        var ics = new StringBuilder();
        void Line(string name, string value) => ics.Append(Fold($"{name}:{value}")).Append(Crlf);

        Line("BEGIN", "VCALENDAR");
        Line("VERSION", "2.0");
        Line("PRODID", "-//BoardDesk//Board meetings//EN");
        Line("CALSCALE", "GREGORIAN");
        Line("METHOD", "PUBLISH");
        Line("X-WR-CALNAME", EscapeText(board.Name));
        foreach (var meeting in meetings.OrderBy(m => m.MeetingId, StringComparer.Ordinal))
        {
            Line("BEGIN", "VEVENT");
            Line("UID", $"{board.Id}-{meeting.MeetingId}@{host}");
            Line("DTSTAMP", Utc(stamp));
            Line("DTSTART", Utc(UkTime.At(meeting.Date, meeting.StartsAt)));
            Line("DTEND", Utc(UkTime.At(meeting.Date, meeting.EndsAt)));
            Line("SEQUENCE", meeting.Version.ToString(CultureInfo.InvariantCulture));
            Line("SUMMARY", EscapeText($"{board.Name}: meeting of {meeting.Date:d MMMM yyyy}"));
            if (meeting.Location is { } location)
            {
                Line("LOCATION", EscapeText(location));
            }

            if (meeting.Link is { } link)
            {
                Line("URL", link);
            }

            var agenda = meeting.Agenda.Where(i => i.Part == AgendaPart.Public).Select(i => $"{i.Number}. {i.Title}");
            Line("DESCRIPTION", EscapeText($"Agenda (public items):\n{string.Join("\n", agenda)}"));
            Line("STATUS", meeting.Status == MeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED");
            Line("END", "VEVENT");
        }

        Line("END", "VCALENDAR");
        return ics.ToString();
    }

    /// <summary>Escapes an iCalendar TEXT value: <c>\</c>, <c>;</c>, <c>,</c> and newlines.</summary>
    public static string EscapeText(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value.ReplaceLineEndings("\n"))
        {
            escaped.Append(c switch
            {
                '\\' => @"\\",
                ';' => @"\;",
                ',' => @"\,",
                '\n' => @"\n",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Folds a content line so that no line exceeds 75 octets; continuation lines start with a space.</summary>
    public static string Fold(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        if (bytes.Length <= 75)
        {
            return line;
        }

        var folded = new StringBuilder(line.Length + (line.Length / 70 * 3));
        var octets = 0;
        var limit = 75;
        var position = 0;
        while (position < line.Length)
        {
            var length = char.IsHighSurrogate(line[position]) && position + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(position, length));
            if (octets + size > limit)
            {
                folded.Append(Crlf).Append(' ');
                octets = 1;
                limit = 75;
            }

            folded.Append(line, position, length);
            octets += size;
            position += length;
        }

        return folded.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
