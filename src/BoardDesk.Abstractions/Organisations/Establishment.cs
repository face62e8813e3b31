namespace BoardDesk.Organisations;

/// <summary>Brings a new organisation into being, as the target of a merger.</summary>
public sealed record Establishment : OrganisationChange
{
    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>What sort of body it is.</summary>
    public required OrganisationKind Kind { get; init; }
}
