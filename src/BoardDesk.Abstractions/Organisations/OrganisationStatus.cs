using System.Text.Json.Serialization;

namespace BoardDesk.Organisations;

/// <summary>Where an organisation stands in the machinery of government; written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganisationStatus>))]
[GenerateSerializer, Alias("BoardDesk.Organisations.OrganisationStatus")]
public enum OrganisationStatus
{
    /// <summary>Operating under the name it was established with.</summary>
    Active,

    /// <summary>Operating under a new name; its former names still find it.</summary>
    Renamed,

    /// <summary>Merged into another organisation, which carries on its work.</summary>
    Merged,

    /// <summary>Ceased to operate; named successors took on its functions.</summary>
    Ceased,
}
