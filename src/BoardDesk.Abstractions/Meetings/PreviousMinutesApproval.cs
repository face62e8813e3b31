using System.Text.Json.Serialization;

namespace BoardDesk.Meetings;

/// <summary>How far a meeting has got in approving the minutes of the board's previous meeting.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PreviousMinutesApproval>))]
[GenerateSerializer, Alias("BoardDesk.Meetings.PreviousMinutesApproval")]
public enum PreviousMinutesApproval
{
    /// <summary>Not begun.</summary>
    NotStarted,

    /// <summary>
    /// Decided and recorded at this meeting, but the earlier meeting's minutes are not yet marked approved; it finishes
    /// by itself (after a crash, at the next start) or when the command is sent again.
    /// </summary>
    Pending,

    /// <summary>The earlier meeting's minutes are approved and locked.</summary>
    Approved,
}
