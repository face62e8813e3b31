namespace BoardDesk.Organisations;

/// <summary>The organisation merges into another, which takes on all its functions.</summary>
public sealed record MergerInto : OrganisationChange
{
    /// <summary>The organisation it merges into.</summary>
    public required string TargetId { get; init; }
}
