using System.Text.Json.Serialization;

namespace BoardDesk.Organisations;

/// <summary>Why one organisation follows on from another; written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LineageReason>))]
[GenerateSerializer, Alias("BoardDesk.Organisations.LineageReason")]
public enum LineageReason
{
    /// <summary>The predecessor merged into the successor.</summary>
    Merger,

    /// <summary>The predecessor ceased and the successor took on some or all of its functions.</summary>
    Cessation,

    /// <summary>One function moved from the predecessor to the successor; both carry on.</summary>
    FunctionTransfer,
}
