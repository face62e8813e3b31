using System.Text.Json.Serialization;

namespace BoardDesk.Meetings;

/// <summary>Whether an agenda item is taken in public or in the private (confidential) part of a meeting.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgendaPart>))]
[GenerateSerializer, Alias("BoardDesk.Meetings.AgendaPart")]
public enum AgendaPart
{
    /// <summary>The public part; its papers go in the public board pack.</summary>
    Public,

    /// <summary>The private part; left out of the public board pack.</summary>
    Private,
}
