namespace BoardDesk.Actions;

/// <summary>An action as callers see it; also the read-model document the action log queries.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.ActionDetails")]
public sealed record ActionDetails
{
    /// <summary>The action id.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The board that agreed it.</summary>
    [Id(1)]
    public required string BoardId { get; init; }

    /// <summary>What is to be done.</summary>
    [Id(2)]
    public required string Description { get; init; }

    /// <summary>Who does it, as recorded.</summary>
    [Id(3)]
    public required ActionOwner Owner { get; init; }

    /// <summary>When it is due now (after any deferral).</summary>
    [Id(4)]
    public required DateOnly DueOn { get; init; }

    /// <summary>The due date first agreed.</summary>
    [Id(5)]
    public DateOnly OriginalDueOn { get; init; }

    /// <summary>Where it came from.</summary>
    [Id(6)]
    public required ActionSource Source { get; init; }

    /// <summary>Its status.</summary>
    [Id(7)]
    public ActionStatus Status { get; init; }

    /// <summary>Dated progress notes, oldest first.</summary>
    [Id(8)]
    public IReadOnlyList<ActionNote> Notes { get; init; } = [];

    /// <summary>The meeting that closed it.</summary>
    [Id(9)]
    public string? ClosedAtMeetingId { get; init; }

    /// <summary>The notifications its reminders raised.</summary>
    [Id(10)]
    public IReadOnlyList<ActionNotification> Notifications { get; init; } = [];

    /// <summary>The journal's version.</summary>
    [Id(11)]
    public long Version { get; init; }
}
