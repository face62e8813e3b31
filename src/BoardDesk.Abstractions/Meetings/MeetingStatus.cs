using System.Text.Json.Serialization;

namespace BoardDesk.Meetings;

/// <summary>Where a meeting is in its life.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeetingStatus>))]
[GenerateSerializer, Alias("BoardDesk.Meetings.MeetingStatus")]
public enum MeetingStatus
{
    /// <summary>Scheduled; the agenda is being prepared.</summary>
    Planned,

    /// <summary>The agenda has been published.</summary>
    AgendaPublished,

    /// <summary>The meeting has taken place.</summary>
    Held,

    /// <summary>Its minutes are drafted and await approval at the next meeting.</summary>
    MinutesDrafted,

    /// <summary>Its minutes were approved and are locked.</summary>
    MinutesApproved,

    /// <summary>It will not take place.</summary>
    Cancelled,
}
