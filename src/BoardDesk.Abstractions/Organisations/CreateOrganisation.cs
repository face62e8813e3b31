namespace BoardDesk.Organisations;

/// <summary>Creates an organisation.</summary>
/// <param name="Name">Its current name.</param>
/// <param name="Kind">What sort of body it is.</param>
/// <param name="EstablishedOn">When it came into being, if known.</param>
public sealed record CreateOrganisation(string Name, OrganisationKind Kind, DateOnly? EstablishedOn = null);
