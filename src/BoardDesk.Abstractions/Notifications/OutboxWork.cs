namespace BoardDesk.Notifications;

/// <summary>What the sender has to do now: notices to address to people, and emails due.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Notifications.OutboxWork")]
public sealed record OutboxWork
{
    /// <summary>Notices not yet addressed to their recipients, oldest first.</summary>
    [Id(0)]
    public IReadOnlyList<Notice> ToAddress { get; init; } = [];

    /// <summary>Pending emails whose time has come, oldest first.</summary>
    [Id(1)]
    public IReadOnlyList<OutboxDelivery> Due { get; init; } = [];
}
