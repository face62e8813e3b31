namespace BoardDesk.Organisations;

/// <summary>Closes an organisation and hands each of its functions to a named successor.</summary>
/// <param name="OrganisationId">The organisation that ceases.</param>
/// <param name="EffectiveOn">The date it ceases.</param>
/// <param name="FunctionSuccessors">Who takes on each function it hosts; every hosted function must be named.</param>
/// <param name="SuccessorId">Who takes on the rest of its work and its recommendations; defaults to the first named successor.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.CeaseOrganisation")]
public sealed record CeaseOrganisation(string OrganisationId, DateOnly EffectiveOn, IReadOnlyList<FunctionSuccessor>? FunctionSuccessors = null, string? SuccessorId = null);
