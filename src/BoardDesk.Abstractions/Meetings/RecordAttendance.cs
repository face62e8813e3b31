namespace BoardDesk.Meetings;

/// <summary>Records a meeting's attendance, replacing what was recorded before.</summary>
public sealed record RecordAttendance
{
    /// <summary>Everyone present, sending apologies, deputising or in attendance.</summary>
    public IReadOnlyList<Attendee> Attendees { get; init; } = [];
}
