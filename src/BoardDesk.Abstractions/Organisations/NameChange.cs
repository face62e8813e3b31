namespace BoardDesk.Organisations;

/// <summary>Gives the organisation a new name; the old one is kept as a former name.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.NameChange")]
public sealed record NameChange : OrganisationChange
{
    /// <summary>The new name.</summary>
    [Id(0)]
    public required string Name { get; init; }
}
