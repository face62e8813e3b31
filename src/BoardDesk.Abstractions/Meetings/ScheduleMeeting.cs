namespace BoardDesk.Meetings;

/// <summary>Schedules a meeting on the date its id gives.</summary>
public sealed record ScheduleMeeting
{
    /// <summary>When it starts, UK time.</summary>
    public required TimeOnly StartsAt { get; init; }

    /// <summary>When it ends, UK time.</summary>
    public required TimeOnly EndsAt { get; init; }

    /// <summary>Where it is held, if in person.</summary>
    public string? Location { get; init; }

    /// <summary>The link to join it, if online.</summary>
    public string? Link { get; init; }
}
