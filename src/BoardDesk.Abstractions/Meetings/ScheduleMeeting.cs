namespace BoardDesk.Meetings;

/// <summary>Schedules a meeting on the date its id gives.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.ScheduleMeeting")]
public sealed record ScheduleMeeting
{
    /// <summary>When it starts, UK time.</summary>
    [Id(0)]
    public required TimeOnly StartsAt { get; init; }

    /// <summary>When it ends, UK time.</summary>
    [Id(1)]
    public required TimeOnly EndsAt { get; init; }

    /// <summary>Where it is held, if in person.</summary>
    [Id(2)]
    public string? Location { get; init; }

    /// <summary>The link to join it, if online.</summary>
    [Id(3)]
    public string? Link { get; init; }
}
