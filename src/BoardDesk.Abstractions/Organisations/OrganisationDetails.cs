namespace BoardDesk.Organisations;

/// <summary>An organisation as callers and the register see it.</summary>
public sealed record OrganisationDetails
{
    /// <summary>The slug that identifies it.</summary>
    public required string Id { get; init; }

    /// <summary>Its current name.</summary>
    public required string Name { get; init; }

    /// <summary>What sort of body it is.</summary>
    public required OrganisationKind Kind { get; init; }

    /// <summary>When it came into being, if known.</summary>
    public DateOnly? EstablishedOn { get; init; }

    /// <summary>Names it had before, oldest first.</summary>
    public IReadOnlyList<FormerName> FormerNames { get; init; } = [];

    /// <summary>The journal's version: how many changes the organisation has had.</summary>
    public long Version { get; init; }
}
