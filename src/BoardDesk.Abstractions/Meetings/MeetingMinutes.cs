namespace BoardDesk.Meetings;

/// <summary>A meeting's minutes: one entry per agenda item, in agenda order.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.MeetingMinutes")]
public sealed record MeetingMinutes
{
    /// <summary>The minute of each agenda item.</summary>
    [Id(0)]
    public IReadOnlyList<MinutesItem> Items { get; init; } = [];

    /// <summary>The meeting that approved them, once approved.</summary>
    [Id(1)]
    public string? ApprovedAtMeetingId { get; init; }

    /// <summary>When they were approved.</summary>
    [Id(2)]
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>True once approved: they can no longer change.</summary>
    public bool Locked => ApprovedAtMeetingId is not null;
}
