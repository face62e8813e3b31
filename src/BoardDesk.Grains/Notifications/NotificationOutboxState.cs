using System.Collections.Immutable;
using BoardDesk.Persistence;

namespace BoardDesk.Notifications;

/// <summary>The outbox's state, folded from its events: every notice and every email, kept so that none is sent twice.</summary>
public sealed record NotificationOutboxState : IJournaledState<NotificationOutboxState, NotificationOutboxEvent>
{
    /// <inheritdoc />
    public static NotificationOutboxState Empty { get; } = new();

    /// <summary>The notices, by id.</summary>
    public ImmutableDictionary<string, Notice> Notices { get; init; } = ImmutableDictionary<string, Notice>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The notices not yet addressed, in the order they came.</summary>
    public ImmutableList<string> Unaddressed { get; init; } = [];

    /// <summary>The emails, by id.</summary>
    public ImmutableDictionary<string, OutboxMessage> Messages { get; init; } = ImmutableDictionary<string, OutboxMessage>.Empty.WithComparers(StringComparer.Ordinal);

    /// <inheritdoc />
    public NotificationOutboxState Apply(NotificationOutboxEvent e) => e switch
    {
        OutboxNoticeRecorded recorded => this with { Notices = Notices.SetItem(recorded.Notice.Id, recorded.Notice), Unaddressed = Unaddressed.Add(recorded.Notice.Id) },
        OutboxNoticeAddressed addressed => this with
        {
            Unaddressed = Unaddressed.Remove(addressed.NoticeId),
            Messages = Messages.SetItems(addressed.Messages.Select(m => KeyValuePair.Create(m.Id, m))),
        },
        OutboxEmailsAccepted accepted => this with
        {
            Messages = Messages.SetItems(accepted.MessageIds.Where(Messages.ContainsKey)
                .Select(id => KeyValuePair.Create(id, Messages[id] with { Status = OutboxMessageStatus.Accepted, AcceptedAt = accepted.At, LastError = null }))),
        },
        OutboxEmailFailed failed when Messages.TryGetValue(failed.MessageId, out var message) => this with
        {
            Messages = Messages.SetItem(failed.MessageId, message with
            {
                Attempts = message.Attempts + 1,
                LastError = failed.Error,
                Status = failed.RetryAt is null ? OutboxMessageStatus.Parked : OutboxMessageStatus.Pending,
                NextAttemptAt = failed.RetryAt ?? message.NextAttemptAt,
            }),
        },
        OutboxEmailRequeued requeued when Messages.TryGetValue(requeued.MessageId, out var message) => this with
        {
            Messages = Messages.SetItem(requeued.MessageId, message with { Status = OutboxMessageStatus.Pending, Attempts = 0, NextAttemptAt = requeued.At }),
        },
        OutboxEmailFailed or OutboxEmailRequeued => this,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown outbox event."),
    };
}
