namespace BoardDesk.Notifications;

/// <summary>A person's email choices.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Notifications.NotificationPreferences")]
public sealed record NotificationPreferences
{
    /// <summary>The kinds they get no email of (never one of <see cref="NotificationKinds.Mandatory"/>).</summary>
    [Id(0)]
    public IReadOnlyList<NotificationKind> Off { get; init; } = [];

    /// <summary>Immediately, or in a daily digest.</summary>
    [Id(1)]
    public NotificationDelivery Delivery { get; init; }

    /// <summary>The hour of the daily digest, 0 to 23, UK time.</summary>
    [Id(2)]
    public int DigestHour { get; init; } = 8;
}
