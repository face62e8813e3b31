using BoardDesk.Grains;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Notifications;

/// <summary>
/// How a grain gets its notices to the outbox. The grain records a notice as an event of its own, in the same
/// commit as the change that causes it, with a reminder (<see cref="Reminder"/>) registered before that commit;
/// it then hands its pending notices to the outbox and records that it did. If the process dies in between, or
/// the outbox cannot be reached, the reminder hands them over later: the outbox ignores a notice it already has,
/// so nothing is lost and nothing recorded twice. <see cref="GrainNotices{TState, TEvent}"/> is the grain's side of it.
/// </summary>
public static class NoticeHandOver
{
    /// <summary>The reminder that hands pending notices over after a crash or a failed hand-over.</summary>
    public const string Reminder = "hand-over-notices";

    /// <summary>How long after a failed or interrupted hand-over it is tried again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>A notice's stable id: the journal, and the sequence of the change that causes it.</summary>
    public static string IdOf(JournalId journal, long sequence, NotificationKind kind) => $"{journal}#{sequence}#{kind}";

    /// <summary>
    /// Hands the notices to the outbox; false when it could not be reached (the caller's reminder tries again, so
    /// the failure is logged, not thrown: the change that caused the notices is already committed).
    /// </summary>
    public static async Task<bool> TryAsync(IGrainFactory grains, IReadOnlyCollection<Notice> pending, ILogger logger)
    {
        if (pending.Count == 0)
        {
            return true;
        }

        try
        {
            await grains.GetGrain<INotificationOutboxGrain>(NotificationOutboxGrain.OutboxKey).RecordAsync([.. pending]);
            return true;
        }
        catch (Exception e) when (e is StoreUnavailableException or TimeoutException or OrleansException or JournalConflictException)
        {
            logger.LogWarning("{Count} notices could not be handed to the outbox yet ({Reason}); they are tried again in {Delay}", pending.Count, e.Message, RetryAfter);
            return false;
        }
    }
}
