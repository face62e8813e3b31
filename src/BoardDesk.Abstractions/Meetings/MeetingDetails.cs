namespace BoardDesk.Meetings;

/// <summary>A meeting as callers and the register see it.</summary>
public sealed record MeetingDetails
{
    /// <summary>The board it is a meeting of.</summary>
    public required string BoardId { get; init; }

    /// <summary>The meeting's id within the board (<c>2015-10-23</c>).</summary>
    public required string MeetingId { get; init; }

    /// <summary>The board's name when the meeting was scheduled.</summary>
    public string BoardName { get; init; } = "";

    /// <summary>The date it takes place.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>When it starts, UK time.</summary>
    public TimeOnly StartsAt { get; init; }

    /// <summary>When it ends, UK time.</summary>
    public TimeOnly EndsAt { get; init; }

    /// <summary>Where it is held, if in person.</summary>
    public string? Location { get; init; }

    /// <summary>The link to join it, if online.</summary>
    public string? Link { get; init; }

    /// <summary>Where it is in its life.</summary>
    public MeetingStatus Status { get; init; }

    /// <summary>The agenda, in order.</summary>
    public IReadOnlyList<AgendaItem> Agenda { get; init; } = [];

    /// <summary>The attendance, once recorded.</summary>
    public IReadOnlyList<Attendee> Attendance { get; init; } = [];

    /// <summary>Whether the meeting is quorate; null until attendance is recorded.</summary>
    public QuorumAssessment? Quorum { get; init; }

    /// <summary>Declarations of interest, by agenda item.</summary>
    public IReadOnlyList<Declaration> Declarations { get; init; } = [];

    /// <summary>The minutes, once drafted.</summary>
    public MeetingMinutes? Minutes { get; init; }

    /// <summary>The previous meeting of the board, whose minutes this one approves.</summary>
    public string? PreviousMeetingId { get; init; }

    /// <summary>The earlier meeting whose minutes this meeting approved, once it has.</summary>
    public string? ApprovedMinutesOfMeetingId { get; init; }

    /// <summary>How far this meeting has got in approving the previous meeting's minutes.</summary>
    public PreviousMinutesApproval PreviousMinutesApproval { get; init; }

    /// <summary>Why it was cancelled, if it was.</summary>
    public string? CancellationReason { get; init; }

    /// <summary>The journal's version: how many changes the meeting has had.</summary>
    public long Version { get; init; }
}
