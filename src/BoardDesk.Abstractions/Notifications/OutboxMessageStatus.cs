using System.Text.Json.Serialization;

namespace BoardDesk.Notifications;

/// <summary>Where an email in the outbox is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutboxMessageStatus>))]
[GenerateSerializer, Alias("BoardDesk.Notifications.OutboxMessageStatus")]
public enum OutboxMessageStatus
{
    /// <summary>Waiting to be sent (again, after a failure, from <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>The SMTP server accepted it; it is never sent again.</summary>
    Accepted,

    /// <summary>It failed too often and waits for the administrator; it is kept, never retried by itself.</summary>
    Parked,

    /// <summary>Not sent: the person turned the kind off, unsubscribed, or has no email address.</summary>
    Skipped,
}
