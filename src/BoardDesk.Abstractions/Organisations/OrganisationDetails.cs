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

    /// <summary>Where it stands now: active, renamed, merged or ceased.</summary>
    public OrganisationStatus Status { get; init; }

    /// <summary>The date the current status took effect; null while it is active as established.</summary>
    public DateOnly? StatusEffectiveOn { get; init; }

    /// <summary>The organisation it merged into, when <see cref="Status"/> is <see cref="OrganisationStatus.Merged"/>.</summary>
    public string? MergedInto { get; init; }

    /// <summary>The functions it hosts now.</summary>
    public IReadOnlyList<HostedFunction> Functions { get; init; } = [];

    /// <summary>Organisations whose work it took on, oldest first.</summary>
    public IReadOnlyList<OrganisationLink> Predecessors { get; init; } = [];

    /// <summary>Organisations that took on its work, oldest first.</summary>
    public IReadOnlyList<OrganisationLink> Successors { get; init; } = [];

    /// <summary>The journal's version: how many changes the organisation has had.</summary>
    public long Version { get; init; }
}
