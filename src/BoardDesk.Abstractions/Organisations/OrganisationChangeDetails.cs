using BoardDesk.Grains;

namespace BoardDesk.Organisations;

/// <summary>A machinery-of-government operation and how far it has got.</summary>
public sealed record OrganisationChangeDetails
{
    /// <summary>The operation id.</summary>
    public required string Id { get; init; }

    /// <summary>Which operation it is.</summary>
    public required OrganisationChangeKind Kind { get; init; }

    /// <summary>In progress, retrying after a failure, failed (stopped, not retried) or completed.</summary>
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

    /// <summary>How far it has got, in words: applying, retrying after a failure (why, which attempt, when next), stopped, or completed.</summary>
    public string Progress { get; init; } = "";

    /// <summary>The last failure not yet overcome; with no next attempt, the operation stopped and is not retried.</summary>
    public OperationFailure? LastFailure { get; init; }

    /// <summary>When it completed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
