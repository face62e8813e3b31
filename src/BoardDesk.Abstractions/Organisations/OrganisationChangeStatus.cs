using System.Text.Json.Serialization;

namespace BoardDesk.Organisations;

/// <summary>How far a machinery-of-government operation has got; written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganisationChangeStatus>))]
public enum OrganisationChangeStatus
{
    /// <summary>Every effect is recorded; some may not be applied yet (they will be, after a restart if need be).</summary>
    InProgress,

    /// <summary>Every effect is applied.</summary>
    Completed,
}
