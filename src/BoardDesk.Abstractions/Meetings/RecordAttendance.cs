namespace BoardDesk.Meetings;

/// <summary>Records a meeting's attendance, replacing what was recorded before.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.RecordAttendance")]
public sealed record RecordAttendance
{
    /// <summary>Everyone present, sending apologies, deputising or in attendance.</summary>
    [Id(0)]
    public IReadOnlyList<Attendee> Attendees { get; init; } = [];
}
