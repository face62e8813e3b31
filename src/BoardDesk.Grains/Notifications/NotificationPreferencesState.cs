using BoardDesk.Persistence;

namespace BoardDesk.Notifications;

/// <summary>A person's email choices, folded from their events.</summary>
public sealed record NotificationPreferencesState : IJournaledState<NotificationPreferencesState, NotificationPreferencesEvent>
{
    /// <inheritdoc />
    public static NotificationPreferencesState Empty { get; } = new();

    /// <summary>The choices.</summary>
    public NotificationPreferences Preferences { get; init; } = new();

    /// <inheritdoc />
    public NotificationPreferencesState Apply(NotificationPreferencesEvent e) => e switch
    {
        NotificationPreferencesSet set => this with { Preferences = set.Preferences },
        NotificationKindUnsubscribed unsubscribed => this with
        {
            Preferences = Preferences with { Off = [.. Preferences.Off.Append(unsubscribed.Kind).Distinct().Order()] },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown notification-preferences event."),
    };
}
