using BoardDesk.Notifications;
using BoardDesk.Persistence;

namespace BoardDesk.Actions;

/// <summary>The base of every action event.</summary>
public abstract record ActionItemEvent;

/// <summary>The action was recorded; <c>EffectId</c> is set when a decision's effect created it.</summary>
[JournalEvent("ActionCreated")]
public sealed record ActionCreated(string BoardId, string Description, ActionOwner Owner, DateOnly DueOn, ActionSource Source, DateTimeOffset At, string? EffectId = null) : ActionItemEvent;

/// <summary>A progress note was added, with the status it moved to.</summary>
[JournalEvent("ActionProgressNoted")]
public sealed record ActionProgressNoted(ActionNote Note, ActionStatus Status) : ActionItemEvent;

/// <summary>The action was deferred to a new date.</summary>
[JournalEvent("ActionDeferred")]
public sealed record ActionDeferred(DateOnly DueOn, ActionNote Note) : ActionItemEvent;

/// <summary>The board closed the action at a meeting.</summary>
[JournalEvent("ActionClosed")]
public sealed record ActionClosed(string MeetingId, string ClosedBy) : ActionItemEvent;

/// <summary>A reminder raised an in-app notification.</summary>
[JournalEvent("ActionNotificationRaised")]
public sealed record ActionNotificationRaised(ActionNotification Notification) : ActionItemEvent;

/// <summary>Notices of a change of this action, recorded in the change's commit, to be handed to the outbox.</summary>
[JournalEvent("ActionNoticesRecorded")]
public sealed record ActionNoticesRecorded(IReadOnlyList<Notice> Notices) : ActionItemEvent;

/// <summary>The outbox has these notices.</summary>
[JournalEvent("ActionNoticesHandedOver")]
public sealed record ActionNoticesHandedOver(IReadOnlyList<string> NoticeIds) : ActionItemEvent;
