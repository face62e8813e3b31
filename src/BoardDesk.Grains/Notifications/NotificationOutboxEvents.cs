using BoardDesk.Persistence;

namespace BoardDesk.Notifications;

/// <summary>The base of every outbox event.</summary>
public abstract record NotificationOutboxEvent;

/// <summary>A grain handed over a notice.</summary>
[JournalEvent("OutboxNoticeRecorded")]
public sealed record OutboxNoticeRecorded(Notice Notice) : NotificationOutboxEvent;

/// <summary>A notice was addressed to its recipients, one email each (skipped ones say why).</summary>
[JournalEvent("OutboxNoticeAddressed")]
public sealed record OutboxNoticeAddressed(string NoticeId, IReadOnlyList<OutboxMessage> Messages) : NotificationOutboxEvent;

/// <summary>The SMTP server accepted these emails.</summary>
[JournalEvent("OutboxEmailsAccepted")]
public sealed record OutboxEmailsAccepted(IReadOnlyList<string> MessageIds, DateTimeOffset At) : NotificationOutboxEvent;

/// <summary>Sending an email failed; it is tried again from a time, or parked when there is none.</summary>
[JournalEvent("OutboxEmailFailed")]
public sealed record OutboxEmailFailed(string MessageId, string Error, DateTimeOffset? RetryAt) : NotificationOutboxEvent;

/// <summary>The administrator sent a parked email again.</summary>
[JournalEvent("OutboxEmailRequeued")]
public sealed record OutboxEmailRequeued(string MessageId, DateTimeOffset At, string By) : NotificationOutboxEvent;
