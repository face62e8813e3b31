namespace BoardDesk.Actions;

/// <summary>The board closes an action at a meeting, through matters arising.</summary>
/// <param name="MeetingId">The meeting of the action's board that closed it (<c>2015-11-20</c>).</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.CloseAction")]
public sealed record CloseAction(string MeetingId);
