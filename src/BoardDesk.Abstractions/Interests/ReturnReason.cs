using System.Text.Json.Serialization;

namespace BoardDesk.Interests;

/// <summary>Why a board asks a member for a declaration of interests.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReturnReason>))]
[GenerateSerializer, Alias("BoardDesk.Interests.ReturnReason")]
public enum ReturnReason
{
    /// <summary>On appointment to the board.</summary>
    Appointment,

    /// <summary>The yearly declaration, on the date the board sets.</summary>
    Annual,
}
