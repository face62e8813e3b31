using System.Text.Json.Serialization;

namespace BoardDesk.Organisations;

/// <summary>How far a machinery-of-government operation has got; written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganisationChangeStatus>))]
[GenerateSerializer, Alias("BoardDesk.Organisations.OrganisationChangeStatus")]
public enum OrganisationChangeStatus
{
    /// <summary>Every effect is recorded; some may not be applied yet (they will be, after a restart if need be).</summary>
    InProgress,

    /// <summary>An effect failed and is tried again at <see cref="OrganisationChangeDetails.LastFailure"/>'s next attempt; what was applied stays.</summary>
    Retrying,

    /// <summary>An organisation refused an effect in a way that retrying cannot mend: the operation stopped and is not retried; what was applied stays.</summary>
    Failed,

    /// <summary>Every effect is applied.</summary>
    Completed,
}
