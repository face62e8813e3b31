namespace BoardDesk.Organisations;

/// <summary>Brings a new organisation into being, as the target of a merger.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.Establishment")]
public sealed record Establishment : OrganisationChange
{
    /// <summary>Its name.</summary>
    [Id(0)]
    public required string Name { get; init; }

    /// <summary>What sort of body it is.</summary>
    [Id(1)]
    public required OrganisationKind Kind { get; init; }
}
