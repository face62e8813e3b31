namespace BoardDesk.Meetings;

/// <summary>Cancels a meeting.</summary>
/// <param name="Reason">Why it will not take place.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.CancelMeeting")]
public sealed record CancelMeeting(string Reason);
