using BoardDesk.Grains;

namespace BoardDesk.Organisations;

/// <summary>A machinery-of-government operation and how far it has got.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.OrganisationChangeDetails")]
public sealed record OrganisationChangeDetails
{
    /// <summary>The operation id.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>Which operation it is.</summary>
    [Id(1)]
    public required OrganisationChangeKind Kind { get; init; }

    /// <summary>In progress, retrying after a failure, failed (stopped, not retried) or completed.</summary>
    [Id(2)]
    public required OrganisationChangeStatus Status { get; init; }

    /// <summary>The date the change takes effect.</summary>
    [Id(3)]
    public required DateOnly EffectiveOn { get; init; }

    /// <summary>Every organisation the operation touches.</summary>
    [Id(4)]
    public IReadOnlyList<string> OrganisationIds { get; init; } = [];

    /// <summary>Every effect, in the order they are applied.</summary>
    [Id(5)]
    public IReadOnlyList<OrganisationChange> Effects { get; init; } = [];

    /// <summary>The ids of the effects applied so far.</summary>
    [Id(6)]
    public IReadOnlyList<string> AppliedEffectIds { get; init; } = [];

    /// <summary>Who asked for it.</summary>
    [Id(7)]
    public string RequestedBy { get; init; } = "";

    /// <summary>How far it has got, in words: applying, retrying after a failure (why, which attempt, when next), stopped, or completed.</summary>
    [Id(8)]
    public string Progress { get; init; } = "";

    /// <summary>The last failure not yet overcome; with no next attempt, the operation stopped and is not retried.</summary>
    [Id(9)]
    public OperationFailure? LastFailure { get; init; }

    /// <summary>When it completed.</summary>
    [Id(10)]
    public DateTimeOffset? CompletedAt { get; init; }
}
