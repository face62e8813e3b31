namespace BoardDesk.Actions;

/// <summary>An action as callers see it; also the read-model document the action log queries.</summary>
public sealed record ActionDetails
{
    /// <summary>The action id.</summary>
    public required string Id { get; init; }

    /// <summary>The board that agreed it.</summary>
    public required string BoardId { get; init; }

    /// <summary>What is to be done.</summary>
    public required string Description { get; init; }

    /// <summary>Who does it, as recorded.</summary>
    public required ActionOwner Owner { get; init; }

    /// <summary>When it is due now (after any deferral).</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>The due date first agreed.</summary>
    public DateOnly OriginalDueOn { get; init; }

    /// <summary>Where it came from.</summary>
    public required ActionSource Source { get; init; }

    /// <summary>Its status.</summary>
    public ActionStatus Status { get; init; }

    /// <summary>Dated progress notes, oldest first.</summary>
    public IReadOnlyList<ActionNote> Notes { get; init; } = [];

    /// <summary>The meeting that closed it.</summary>
    public string? ClosedAtMeetingId { get; init; }

    /// <summary>The notifications its reminders raised.</summary>
    public IReadOnlyList<ActionNotification> Notifications { get; init; } = [];

    /// <summary>The journal's version.</summary>
    public long Version { get; init; }
}
