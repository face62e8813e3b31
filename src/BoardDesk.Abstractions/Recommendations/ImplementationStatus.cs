using System.Text.Json.Serialization;

namespace BoardDesk.Recommendations;

/// <summary>How far a recommendation's implementation has got; written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImplementationStatus>))]
[GenerateSerializer, Alias("BoardDesk.Recommendations.ImplementationStatus")]
public enum ImplementationStatus
{
    /// <summary>Work has not started.</summary>
    NotStarted,

    /// <summary>Work is under way.</summary>
    InProgress,

    /// <summary>The recommendation is implemented.</summary>
    Complete,

    /// <summary>Work has stopped short of completion.</summary>
    Stalled,
}
