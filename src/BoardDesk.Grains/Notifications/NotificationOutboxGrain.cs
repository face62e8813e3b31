using BoardDesk.Grains;
using BoardDesk.Persistence;

namespace BoardDesk.Notifications;

/// <summary>
/// The outbox: notices handed over by the grains that caused them, the emails they became and how each fared.
/// Recording, addressing and acceptance are idempotent by id, so a hand-over or a sender repeated after a crash
/// changes nothing twice; an accepted email is never due again. One sender at a time holds the right to send
/// (<see cref="LeaseSendingAsync"/>), so a cluster with a sender in every silo sends each email from one of them.
/// </summary>
[GrainType("notification-outbox")]
public sealed class NotificationOutboxGrain : JournaledGrain<NotificationOutboxState, NotificationOutboxEvent>, INotificationOutboxGrain
{
    /// <summary>The key of the one outbox.</summary>
    public const string OutboxKey = "outbox";

    // The sending lease lives in the activation only: if the outbox moves to another silo the lease is gone with it,
    // and the first sender to ask takes it. It needs no journal because acceptance, not the lease, stops a resend.
    private string? _sender;
    private DateTimeOffset _leaseEnds;

    /// <inheritdoc />
    public Task<bool> LeaseSendingAsync(string senderId, DateTimeOffset now, TimeSpan leaseFor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(senderId);
        if (_sender is null || _sender == senderId || _leaseEnds <= now)
        {
            _sender = senderId;
            _leaseEnds = now + leaseFor;
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }

    /// <inheritdoc />
    public Task ReleaseSendingAsync(string senderId)
    {
        if (_sender == senderId)
        {
            _sender = null;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RecordAsync(IReadOnlyList<Notice> notices)
    {
        foreach (var notice in notices ?? [])
        {
            if (!State.Notices.ContainsKey(notice.Id))
            {
                Raise(new OutboxNoticeRecorded(notice));
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<OutboxWork> GetWorkAsync(DateTimeOffset now, int max)
    {
        var due = State.Messages.Values
            .Where(m => m.Status == OutboxMessageStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(m => new OutboxDelivery(m, State.Notices[m.NoticeId]))
            .ToList();
        return Task.FromResult(new OutboxWork { ToAddress = State.Unaddressed.Take(max).Select(id => State.Notices[id]).ToList(), Due = due });
    }

    /// <inheritdoc />
    public Task AddressAsync(string noticeId, IReadOnlyList<OutboxMessage> messages)
    {
        if (!State.Notices.ContainsKey(noticeId))
        {
            throw new NotFoundException($"There is no notice '{noticeId}' in the outbox.");
        }

        if (State.Unaddressed.Contains(noticeId))
        {
            Raise(new OutboxNoticeAddressed(noticeId, messages.Where(m => !State.Messages.ContainsKey(m.Id)).DistinctBy(m => m.Id).ToList()));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkAcceptedAsync(IReadOnlyList<string> messageIds, DateTimeOffset at)
    {
        var ids = messageIds.Where(id => State.Messages.TryGetValue(id, out var m) && m.Status != OutboxMessageStatus.Accepted).ToList();
        if (ids.Count > 0)
        {
            Raise(new OutboxEmailsAccepted(ids, at));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkFailedAsync(string messageId, string error, DateTimeOffset? retryAt)
    {
        if (State.Messages.TryGetValue(messageId, out var message) && message.Status == OutboxMessageStatus.Pending)
        {
            Raise(new OutboxEmailFailed(messageId, error.Length > 500 ? error[..500] : error, retryAt));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxMessageStatus status) =>
        Task.FromResult<IReadOnlyList<OutboxMessage>>(State.Messages.Values.Where(m => m.Status == status)
            .OrderByDescending(m => m.NextAttemptAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToList());

    /// <inheritdoc />
    public Task<OutboxMessage> RequeueAsync(string messageId, DateTimeOffset at)
    {
        if (!State.Messages.TryGetValue(messageId ?? "", out var message) || message.Status != OutboxMessageStatus.Parked)
        {
            throw new NotFoundException($"There is no parked email '{messageId}'.");
        }

        Raise(new OutboxEmailRequeued(message.Id, at, ActingUser.Name));
        return Task.FromResult(State.Messages[message.Id]);
    }
}
