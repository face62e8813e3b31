namespace BoardDesk.Organisations;

/// <summary>The organisation merges into another, which takes on all its functions.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.MergerInto")]
public sealed record MergerInto : OrganisationChange
{
    /// <summary>The organisation it merges into.</summary>
    [Id(0)]
    public required string TargetId { get; init; }
}
