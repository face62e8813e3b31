using System.Text.Json.Serialization;

namespace BoardDesk.Organisations;

/// <summary>What sort of body an organisation is; written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganisationKind>))]
[GenerateSerializer, Alias("BoardDesk.Organisations.OrganisationKind")]
public enum OrganisationKind
{
    /// <summary>A government department, such as the Department of Health.</summary>
    Department,

    /// <summary>A national body such as NHS England.</summary>
    NationalBody,

    /// <summary>An arm's-length body of a department.</summary>
    ArmsLengthBody,

    /// <summary>A network, such as the clinical networks.</summary>
    Network,

    /// <summary>A programme, such as NHS Improving Quality.</summary>
    Programme,

    /// <summary>A function hosted by another organisation, such as the NHS Leadership Academy.</summary>
    Function,
}
