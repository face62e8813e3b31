using BoardDesk.Meetings;

namespace BoardDesk.Notifications;

/// <summary>The calendar entry of a meeting, as a notice carries it: the same UID and SEQUENCE as the board's feed.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Notifications.MeetingInvitation")]
public sealed record MeetingInvitation
{
    /// <summary>The board.</summary>
    [Id(0)]
    public required string BoardId { get; init; }

    /// <summary>The meeting's id within the board.</summary>
    [Id(1)]
    public required string MeetingId { get; init; }

    /// <summary>The board's name.</summary>
    [Id(2)]
    public required string BoardName { get; init; }

    /// <summary>The date.</summary>
    [Id(3)]
    public required DateOnly Date { get; init; }

    /// <summary>When it starts, UK time.</summary>
    [Id(4)]
    public TimeOnly StartsAt { get; init; }

    /// <summary>When it ends, UK time.</summary>
    [Id(5)]
    public TimeOnly EndsAt { get; init; }

    /// <summary>Where, if in person.</summary>
    [Id(6)]
    public string? Location { get; init; }

    /// <summary>The link to join, if online.</summary>
    [Id(7)]
    public string? Link { get; init; }

    /// <summary>The calendar SEQUENCE: the meeting's count of changes when this was recorded.</summary>
    [Id(8)]
    public long Sequence { get; init; }

    /// <summary>Whether the meeting is cancelled (METHOD:CANCEL) rather than planned or moved (METHOD:REQUEST).</summary>
    [Id(9)]
    public bool Cancelled { get; init; }

    /// <summary>
    /// The calendar entry of <paramref name="meeting"/> as it stands. A notice keeps this copy rather than the
    /// meeting's details, so that it stays the size of a calendar entry and says what the meeting was when recorded.
    /// </summary>
    public static MeetingInvitation Of(MeetingDetails meeting) => new()
    {
        BoardId = meeting.BoardId,
        MeetingId = meeting.MeetingId,
        BoardName = meeting.BoardName,
        Date = meeting.Date,
        StartsAt = meeting.StartsAt,
        EndsAt = meeting.EndsAt,
        Location = meeting.Location,
        Link = meeting.Link,
        Sequence = meeting.CalendarSequence,
        Cancelled = meeting.Status == MeetingStatus.Cancelled,
    };
}
