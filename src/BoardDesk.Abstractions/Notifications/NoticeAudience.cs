using System.Text.Json.Serialization;

namespace BoardDesk.Notifications;

/// <summary>Whom a notice goes to, resolved to accounts when it is sent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeAudience>))]
[GenerateSerializer, Alias("BoardDesk.Notifications.NoticeAudience")]
public enum NoticeAudience
{
    /// <summary>The accounts the notice names (<see cref="Notice.UserNames"/>).</summary>
    People,

    /// <summary>The accounts linked to the board's seats and to the deputies it appointed.</summary>
    MembersAndDeputies,

    /// <summary>The accounts holding the secretariat role on the board.</summary>
    Secretariat,
}
