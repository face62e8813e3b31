namespace BoardDesk.Notifications;

/// <summary>A person's email choices, keyed by their user name.</summary>
[Alias("BoardDesk.Notifications.INotificationPreferencesGrain")]
public interface INotificationPreferencesGrain : IGrainWithStringKey
{
    /// <summary>The choices; every kind on and immediate until the person chooses otherwise.</summary>
    [Alias("GetAsync")]
    Task<NotificationPreferences> GetAsync();

    /// <summary>Replaces the choices; a mandatory kind turned off or an hour outside 0 to 23 is refused naming the field.</summary>
    [Alias("SetAsync")]
    Task<NotificationPreferences> SetAsync(NotificationPreferences preferences);

    /// <summary>Turns one kind off (a one-click unsubscribe); refused for a mandatory kind.</summary>
    [Alias("UnsubscribeAsync")]
    Task<NotificationPreferences> UnsubscribeAsync(NotificationKind kind);
}
