using System.Text.Json.Serialization;

namespace BoardDesk.Notifications;

/// <summary>When a person's emails go out.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotificationDelivery>))]
[GenerateSerializer, Alias("BoardDesk.Notifications.NotificationDelivery")]
public enum NotificationDelivery
{
    /// <summary>Each as soon as it is recorded.</summary>
    Immediately,

    /// <summary>Together, once a day at the person's chosen hour (UK time); invitations and vote deadlines still go at once.</summary>
    DailyDigest,
}
