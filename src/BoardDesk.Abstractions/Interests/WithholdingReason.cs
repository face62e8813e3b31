using System.Text.Json.Serialization;

namespace BoardDesk.Interests;

/// <summary>Why an entry is kept off the published register; the public sees this category and nothing of the entry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WithholdingReason>))]
[GenerateSerializer, Alias("BoardDesk.Interests.WithholdingReason")]
public enum WithholdingReason
{
    /// <summary>Publishing would put someone's safety at risk.</summary>
    PersonalSafety,

    /// <summary>The entry is commercially sensitive.</summary>
    CommercialConfidentiality,

    /// <summary>It would disclose a third party's personal information.</summary>
    ThirdPartyPrivacy,

    /// <summary>Another reason the organisation accepted.</summary>
    Other,
}
