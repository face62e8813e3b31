using System.Text.Json.Serialization;

namespace BoardDesk.Recommendations;

/// <summary>The government's response to a recommendation; written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GovernmentResponse>))]
[GenerateSerializer, Alias("BoardDesk.Recommendations.GovernmentResponse")]
public enum GovernmentResponse
{
    /// <summary>To be implemented in full.</summary>
    AcceptedInFull,

    /// <summary>To be implemented in part.</summary>
    AcceptedInPart,

    /// <summary>Left for future discussion.</summary>
    ForFutureDiscussion,

    /// <summary>Not to be implemented.</summary>
    NotAccepted,

    /// <summary>Accepted in principle.</summary>
    AcceptedInPrinciple,
}
