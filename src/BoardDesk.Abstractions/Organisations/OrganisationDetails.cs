namespace BoardDesk.Organisations;

/// <summary>An organisation as callers and the register see it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.OrganisationDetails")]
public sealed record OrganisationDetails
{
    /// <summary>The slug that identifies it.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>Its current name.</summary>
    [Id(1)]
    public required string Name { get; init; }

    /// <summary>What sort of body it is.</summary>
    [Id(2)]
    public required OrganisationKind Kind { get; init; }

    /// <summary>When it came into being, if known.</summary>
    [Id(3)]
    public DateOnly? EstablishedOn { get; init; }

    /// <summary>Names it had before, oldest first.</summary>
    [Id(4)]
    public IReadOnlyList<FormerName> FormerNames { get; init; } = [];

    /// <summary>Where it stands now: active, renamed, merged or ceased.</summary>
    [Id(5)]
    public OrganisationStatus Status { get; init; }

    /// <summary>The date the current status took effect; null while it is active as established.</summary>
    [Id(6)]
    public DateOnly? StatusEffectiveOn { get; init; }

    /// <summary>The organisation it merged into, when <see cref="Status"/> is <see cref="OrganisationStatus.Merged"/>.</summary>
    [Id(7)]
    public string? MergedInto { get; init; }

    /// <summary>The functions it hosts now.</summary>
    [Id(8)]
    public IReadOnlyList<HostedFunction> Functions { get; init; } = [];

    /// <summary>Organisations whose work it took on, oldest first.</summary>
    [Id(9)]
    public IReadOnlyList<OrganisationLink> Predecessors { get; init; } = [];

    /// <summary>Organisations that took on its work, oldest first.</summary>
    [Id(10)]
    public IReadOnlyList<OrganisationLink> Successors { get; init; } = [];

    /// <summary>The journal's version: how many changes the organisation has had.</summary>
    [Id(11)]
    public long Version { get; init; }
}
