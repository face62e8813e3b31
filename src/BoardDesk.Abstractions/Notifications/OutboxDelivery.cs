namespace BoardDesk.Notifications;

/// <summary>An email due to be sent, with the notice it carries.</summary>
/// <param name="Message">The email.</param>
/// <param name="Notice">Its notice.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Notifications.OutboxDelivery")]
public sealed record OutboxDelivery(OutboxMessage Message, Notice Notice);
