using System.Text.Json.Serialization;

namespace BoardDesk.Meetings;

/// <summary>What a board is asked to do with an agenda item or paper.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgendaPurpose>))]
[GenerateSerializer, Alias("BoardDesk.Meetings.AgendaPurpose")]
public enum AgendaPurpose
{
    /// <summary>For decision.</summary>
    ForDecision,

    /// <summary>For discussion.</summary>
    ForDiscussion,

    /// <summary>For information.</summary>
    ForInformation,

    /// <summary>For assurance.</summary>
    ForAssurance,
}
