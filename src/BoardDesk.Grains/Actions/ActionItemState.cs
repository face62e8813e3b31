using System.Collections.Immutable;
using BoardDesk.Notifications;
using BoardDesk.Operations;
using BoardDesk.Persistence;

namespace BoardDesk.Actions;

/// <summary>An action's state, folded from its events.</summary>
public sealed record ActionItemState : IJournaledState<ActionItemState, ActionItemEvent>
{
    /// <inheritdoc />
    public static ActionItemState Empty { get; } = new();

    /// <summary>The action as created; null until then.</summary>
    public ActionCreated? Created { get; init; }

    /// <summary>When it is due now.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>Its status.</summary>
    public ActionStatus Status { get; init; }

    /// <summary>Progress notes, oldest first.</summary>
    public ImmutableList<ActionNote> Notes { get; init; } = [];

    /// <summary>The meeting that closed it.</summary>
    public string? ClosedAtMeetingId { get; init; }

    /// <summary>Notifications raised.</summary>
    public ImmutableList<ActionNotification> Notifications { get; init; } = [];

    /// <summary>The decision effects applied.</summary>
    public EffectLedger Effects { get; init; } = EffectLedger.Empty;

    /// <summary>Notices recorded and not yet handed to the outbox.</summary>
    public ImmutableList<Notice> PendingNotices { get; init; } = [];

    /// <inheritdoc />
    public ActionItemState Apply(ActionItemEvent e) => e switch
    {
        ActionNoticesRecorded recorded => this with { PendingNotices = PendingNotices.AddRange(recorded.Notices) },
        ActionNoticesHandedOver handed => this with { PendingNotices = PendingNotices.RemoveAll(n => handed.NoticeIds.Contains(n.Id)) },
        ActionCreated created => this with { Created = created, DueOn = created.DueOn, Status = ActionStatus.Open, Effects = Effects.With(created.EffectId) },
        ActionProgressNoted noted => this with { Notes = Notes.Add(noted.Note), Status = noted.Status },
        ActionDeferred deferred => this with { DueOn = deferred.DueOn, Notes = Notes.Add(deferred.Note), Status = ActionStatus.Deferred },
        ActionClosed closed => this with { Status = ActionStatus.Closed, ClosedAtMeetingId = closed.MeetingId },
        ActionNotificationRaised raised => this with { Notifications = Notifications.Add(raised.Notification) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown action event."),
    };
}
