using System.Text.Json.Serialization;

namespace BoardDesk.Meetings;

/// <summary>The items every agenda starts with.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StandingItem>))]
[GenerateSerializer, Alias("BoardDesk.Meetings.StandingItem")]
public enum StandingItem
{
    /// <summary>Welcome and apologies.</summary>
    WelcomeAndApologies,

    /// <summary>Declarations of interest.</summary>
    DeclarationsOfInterest,

    /// <summary>Minutes of the last meeting.</summary>
    MinutesOfLastMeeting,

    /// <summary>Matters arising and the action log.</summary>
    MattersArising,
}
