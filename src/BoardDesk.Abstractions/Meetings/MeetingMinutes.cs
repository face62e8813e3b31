namespace BoardDesk.Meetings;

/// <summary>A meeting's minutes: one entry per agenda item, in agenda order.</summary>
public sealed record MeetingMinutes
{
    /// <summary>The minute of each agenda item.</summary>
    public IReadOnlyList<MinutesItem> Items { get; init; } = [];

    /// <summary>The meeting that approved them, once approved.</summary>
    public string? ApprovedAtMeetingId { get; init; }

    /// <summary>When they were approved.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>True once approved: they can no longer change.</summary>
    public bool Locked => ApprovedAtMeetingId is not null;
}
