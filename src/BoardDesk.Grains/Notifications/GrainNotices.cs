using System.Collections.Immutable;
using BoardDesk.Grains;
using BoardDesk.Persistence;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Notifications;

/// <summary>
/// A grain's side of <see cref="NoticeHandOver"/>, written once for every grain that emails: it records the grain's
/// notices with the hand-over reminder, hands the pending ones to the outbox, and records that it did with the grain's
/// own "handed over" event (whose persisted name is the grain's, so stored journals load as they always did).
/// </summary>
/// <typeparam name="TState">The grain's state; it keeps the notices recorded and not yet handed over.</typeparam>
/// <typeparam name="TEvent">The base type of the grain's events.</typeparam>
/// <param name="grain">The grain.</param>
/// <param name="pending">The notices the state holds that are not yet handed over.</param>
/// <param name="handedOver">The grain's event recording that the notices with these ids were handed over.</param>
/// <param name="logger">The grain's logger, for hand-overs that must wait.</param>
public sealed class GrainNotices<TState, TEvent>(
    JournaledGrain<TState, TEvent> grain,
    Func<TState, ImmutableList<Notice>> pending,
    Func<IReadOnlyList<string>, TEvent> handedOver,
    ILogger logger) : JournaledGrain<TState, TEvent>.Part(grain)
    where TState : class, IJournaledState<TState, TEvent>
    where TEvent : class
{
    /// <summary>
    /// Raises the grain's "notices recorded" event in this call's next commit, with the reminder that hands them over
    /// if this call cannot (registered before that commit, so a committed notice always has it).
    /// </summary>
    public void Record(TEvent recorded)
    {
        Raise(recorded);
        RegisterOrUpdateReminder(NoticeHandOver.Reminder, Time.GetUtcNow() + NoticeHandOver.RetryAfter);
    }

    /// <summary>Records the notices and commits them with the change that causes them, then hands them over.</summary>
    public async Task RecordAndHandOverAsync(TEvent recorded)
    {
        Record(recorded);
        await ConfirmEventsAsync();
        await HandOverAsync();
    }

    /// <summary>Hands the pending notices over when <paramref name="reminderName"/> is the hand-over reminder; false for any other reminder.</summary>
    public async Task<bool> TryReceiveReminderAsync(string reminderName)
    {
        if (reminderName != NoticeHandOver.Reminder)
        {
            return false;
        }

        await HandOverAsync();
        return true;
    }

    /// <summary>
    /// Hands the pending notices to the outbox and records that it did, removing the reminder; if the outbox cannot
    /// be reached, moves the reminder to try again after <see cref="NoticeHandOver.RetryAfter"/>.
    /// </summary>
    public async Task HandOverAsync()
    {
        var notices = pending(State);
        if (notices.IsEmpty)
        {
            return;
        }

        if (await NoticeHandOver.TryAsync(GrainFactory, notices, logger))
        {
            Raise(handedOver([.. notices.Select(n => n.Id)]));
            UnregisterReminder(NoticeHandOver.Reminder);
        }
        else
        {
            RegisterOrUpdateReminder(NoticeHandOver.Reminder, Time.GetUtcNow() + NoticeHandOver.RetryAfter);
        }
    }
}
