using System.Text.Json.Serialization;

namespace BoardDesk.Papers;

/// <summary>Where a paper is in its workflow.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaperStatus>))]
[GenerateSerializer, Alias("BoardDesk.Papers.PaperStatus")]
public enum PaperStatus
{
    /// <summary>Being written.</summary>
    Draft,

    /// <summary>Submitted to the secretariat for a meeting.</summary>
    Submitted,

    /// <summary>Approved for circulation to the board.</summary>
    ApprovedForCirculation,

    /// <summary>Published.</summary>
    Published,

    /// <summary>Withdrawn.</summary>
    Withdrawn,
}
