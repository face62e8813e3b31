namespace BoardDesk.Organisations;

/// <summary>A machinery-of-government operation and how far it has got.</summary>
public sealed record OrganisationChangeDetails
{
    /// <summary>The operation id.</summary>
    public required string Id { get; init; }

    /// <summary>Which operation it is.</summary>
    public required OrganisationChangeKind Kind { get; init; }

    /// <summary>Planned, in progress or completed.</summary>
    public required OrganisationChangeStatus Status { get; init; }

    /// <summary>The date the change takes effect.</summary>
    public required DateOnly EffectiveOn { get; init; }

    /// <summary>Every organisation the operation touches.</summary>
    public IReadOnlyList<string> OrganisationIds { get; init; } = [];

    /// <summary>Every effect, in the order they are applied.</summary>
    public IReadOnlyList<OrganisationChange> Effects { get; init; } = [];

    /// <summary>The ids of the effects applied so far.</summary>
    public IReadOnlyList<string> AppliedEffectIds { get; init; } = [];

    /// <summary>Who asked for it.</summary>
    public string RequestedBy { get; init; } = "";

    /// <summary>When it completed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
