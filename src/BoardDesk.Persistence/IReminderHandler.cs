namespace BoardDesk.Persistence;

/// <summary>Implemented by a journaled grain that registers durable reminders.</summary>
public interface IReminderHandler
{
    /// <summary>
    /// Receives a reminder that fell due, as a call of the grain's own: what it raises is committed like any call's.
    /// A reminder can fire when there is nothing left to do (the commit that relied on it failed, or a later call
    /// finished the work): the grain checks its state and does nothing then.
    /// </summary>
    Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt);
}
