namespace BoardDesk.Recommendations;

/// <summary>An organisation that owns a recommendation, optionally through one of its functions.</summary>
/// <param name="OrganisationId">The organisation's id.</param>
/// <param name="Function">The function through which it owns it; ownership follows the function when it moves.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.OwnerRef")]
public sealed record OwnerRef(string OrganisationId, string? Function = null);
