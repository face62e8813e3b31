using BoardDesk.Persistence;

namespace BoardDesk.Notifications;

/// <summary>The base of every notification-preferences event.</summary>
public abstract record NotificationPreferencesEvent;

/// <summary>The person replaced their email choices.</summary>
[JournalEvent("NotificationPreferencesSet")]
public sealed record NotificationPreferencesSet(NotificationPreferences Preferences) : NotificationPreferencesEvent;

/// <summary>The person unsubscribed from one kind (the one-click link of an email).</summary>
[JournalEvent("NotificationKindUnsubscribed")]
public sealed record NotificationKindUnsubscribed(NotificationKind Kind) : NotificationPreferencesEvent;
