namespace BoardDesk.Organisations;

/// <summary>Creates an organisation.</summary>
/// <param name="Name">Its current name.</param>
/// <param name="Kind">What sort of body it is.</param>
/// <param name="EstablishedOn">When it came into being, if known.</param>
/// <param name="Functions">The functions it hosts from the start; each may have only one host.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.CreateOrganisation")]
public sealed record CreateOrganisation(string Name, OrganisationKind Kind, DateOnly? EstablishedOn = null, IReadOnlyList<string>? Functions = null);
