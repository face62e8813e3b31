namespace BoardDesk.Organisations;

/// <summary>Gives the organisation a new name; the old one is kept as a former name.</summary>
public sealed record NameChange : OrganisationChange
{
    /// <summary>The new name.</summary>
    public required string Name { get; init; }
}
