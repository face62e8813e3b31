using System.Text.Json.Serialization;

namespace BoardDesk.Recommendations;

/// <summary>A red, amber or green rating of a recommendation's delivery; written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RagRating>))]
[GenerateSerializer, Alias("BoardDesk.Recommendations.RagRating")]
public enum RagRating
{
    /// <summary>Off track.</summary>
    Red,

    /// <summary>At risk.</summary>
    Amber,

    /// <summary>On track.</summary>
    Green,
}
