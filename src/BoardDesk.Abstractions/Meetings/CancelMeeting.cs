namespace BoardDesk.Meetings;

/// <summary>Cancels a meeting.</summary>
/// <param name="Reason">Why it will not take place.</param>
public sealed record CancelMeeting(string Reason);
