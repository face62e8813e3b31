namespace BoardDesk.Meetings;

/// <summary>A meeting as callers and the register see it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.MeetingDetails")]
public sealed record MeetingDetails
{
    /// <summary>The board it is a meeting of.</summary>
    [Id(0)]
    public required string BoardId { get; init; }

    /// <summary>The meeting's id within the board (<c>2015-10-23</c>).</summary>
    [Id(1)]
    public required string MeetingId { get; init; }

    /// <summary>The board's name when the meeting was scheduled.</summary>
    [Id(2)]
    public string BoardName { get; init; } = "";

    /// <summary>The date it takes place.</summary>
    [Id(3)]
    public required DateOnly Date { get; init; }

    /// <summary>When it starts, UK time.</summary>
    [Id(4)]
    public TimeOnly StartsAt { get; init; }

    /// <summary>When it ends, UK time.</summary>
    [Id(5)]
    public TimeOnly EndsAt { get; init; }

    /// <summary>Where it is held, if in person.</summary>
    [Id(6)]
    public string? Location { get; init; }

    /// <summary>The link to join it, if online.</summary>
    [Id(7)]
    public string? Link { get; init; }

    /// <summary>Where it is in its life.</summary>
    [Id(8)]
    public MeetingStatus Status { get; init; }

    /// <summary>The agenda, in order.</summary>
    [Id(9)]
    public IReadOnlyList<AgendaItem> Agenda { get; init; } = [];

    /// <summary>The attendance, once recorded.</summary>
    [Id(10)]
    public IReadOnlyList<Attendee> Attendance { get; init; } = [];

    /// <summary>Whether the meeting is quorate; null until attendance is recorded.</summary>
    [Id(11)]
    public QuorumAssessment? Quorum { get; init; }

    /// <summary>Declarations of interest, by agenda item.</summary>
    [Id(12)]
    public IReadOnlyList<Declaration> Declarations { get; init; } = [];

    /// <summary>The minutes, once drafted.</summary>
    [Id(13)]
    public MeetingMinutes? Minutes { get; init; }

    /// <summary>The previous meeting of the board, whose minutes this one approves.</summary>
    [Id(14)]
    public string? PreviousMeetingId { get; init; }

    /// <summary>The earlier meeting whose minutes this meeting approved, once it has.</summary>
    [Id(15)]
    public string? ApprovedMinutesOfMeetingId { get; init; }

    /// <summary>How far this meeting has got in approving the previous meeting's minutes.</summary>
    [Id(16)]
    public PreviousMinutesApproval PreviousMinutesApproval { get; init; }

    /// <summary>Why it was cancelled, if it was.</summary>
    [Id(17)]
    public string? CancellationReason { get; init; }

    /// <summary>The journal's version: how many changes the meeting has had.</summary>
    [Id(18)]
    public long Version { get; init; }

    /// <summary>The calendar's SEQUENCE for the meeting: its changes, not counting the bookkeeping of its email notices.</summary>
    [Id(19)]
    public long CalendarSequence { get; init; }
}
