namespace BoardDesk.Runtime;

/// <summary>Implemented by a grain class that registers durable reminders.</summary>
public interface IRemindable
{
    /// <summary>Receives a reminder that fell due; runs as an ordinary turn of the grain.</summary>
    Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt);
}
