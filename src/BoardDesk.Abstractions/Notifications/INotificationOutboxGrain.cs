namespace BoardDesk.Notifications;

/// <summary>
/// The outbox (one grain, key <c>outbox</c>): the notices grains hand over, addressed once to their recipients,
/// and each email's progress. Every change is journaled; a notice or an email is recorded once by its id however
/// often it is handed over, and an email the SMTP server accepted is never sent again. It calls no other grain.
/// </summary>
[Alias("BoardDesk.Notifications.INotificationOutboxGrain")]
public interface INotificationOutboxGrain : IGrainWithStringKey
{
    /// <summary>Records notices; those already known by id are ignored.</summary>
    [Alias("RecordAsync")]
    Task RecordAsync(IReadOnlyList<Notice> notices);

    /// <summary>Notices to address and emails due at <paramref name="now"/>, at most <paramref name="max"/> of each.</summary>
    [Alias("GetWorkAsync")]
    Task<OutboxWork> GetWorkAsync(DateTimeOffset now, int max);

    /// <summary>Addresses a notice to its recipients; only the first addressing of a notice counts.</summary>
    [Alias("AddressAsync")]
    Task AddressAsync(string noticeId, IReadOnlyList<OutboxMessage> messages);

    /// <summary>Records that the SMTP server accepted these emails: they are never sent again.</summary>
    [Alias("MarkAcceptedAsync")]
    Task MarkAcceptedAsync(IReadOnlyList<string> messageIds, DateTimeOffset at);

    /// <summary>Records a failed attempt: tried again from <paramref name="retryAt"/>, or parked when it is null.</summary>
    [Alias("MarkFailedAsync")]
    Task MarkFailedAsync(string messageId, string error, DateTimeOffset? retryAt);

    /// <summary>The emails in a status, newest first.</summary>
    [Alias("ListAsync")]
    Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxMessageStatus status);

    /// <summary>
    /// Takes or renews the right to send for <paramref name="leaseFor"/> from <paramref name="now"/>: true for the
    /// sender that holds it (or takes it, when it is free or has run out), false for every other. The outbox has one
    /// activation in a cluster, so one sender at a time works through it however many processes run one.
    /// </summary>
    [Alias("LeaseSendingAsync")]
    Task<bool> LeaseSendingAsync(string senderId, DateTimeOffset now, TimeSpan leaseFor);

    /// <summary>Gives the right to send up, if <paramref name="senderId"/> holds it, so that another sender takes over at once.</summary>
    [Alias("ReleaseSendingAsync")]
    Task ReleaseSendingAsync(string senderId);

    /// <summary>Sends a parked email again (the administrator's choice); <see cref="Grains.NotFoundException"/> for no parked email of that id.</summary>
    [Alias("RequeueAsync")]
    Task<OutboxMessage> RequeueAsync(string messageId, DateTimeOffset at);
}
