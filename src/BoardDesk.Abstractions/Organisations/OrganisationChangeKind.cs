using System.Text.Json.Serialization;

namespace BoardDesk.Organisations;

/// <summary>The machinery-of-government operations; written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganisationChangeKind>))]
[GenerateSerializer, Alias("BoardDesk.Organisations.OrganisationChangeKind")]
public enum OrganisationChangeKind
{
    /// <summary>An organisation takes a new name.</summary>
    Rename,

    /// <summary>Two or more organisations become one, new or existing.</summary>
    Merge,

    /// <summary>One function moves from one organisation to another.</summary>
    TransferFunction,

    /// <summary>An organisation ceases and named successors take on its functions.</summary>
    Cease,
}
