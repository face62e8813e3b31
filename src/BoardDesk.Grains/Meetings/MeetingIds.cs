using System.Text.RegularExpressions;

namespace BoardDesk.Meetings;

/// <summary>Meeting ids within a board: the meeting's date, optionally with a suffix (<c>2015-10-23</c>, <c>2015-10-23-extra</c>).</summary>
public static partial class MeetingIds
{
    /// <summary>The date a valid meeting id starts with, or null when the id is not valid.</summary>
    public static DateOnly? DateOf(string? meetingId) =>
        meetingId is not null && Pattern().IsMatch(meetingId) && DateOnly.TryParseExact(meetingId[..10], "yyyy-MM-dd", out var date) ? date : null;

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}(-[a-z0-9]{1,20})?$")]
    private static partial Regex Pattern();
}
