namespace BoardDesk.Runtime;

/// <summary>A reminder being delivered in a turn: which one, when it was due, and its period.</summary>
internal sealed record ReminderDelivery(string Name, DateTimeOffset DueAt, TimeSpan? Period)
{
    /// <summary>The first tick of a periodic reminder after <paramref name="now"/>; ticks missed while down are not replayed one by one.</summary>
    public static DateTimeOffset NextDue(DateTimeOffset due, TimeSpan period, DateTimeOffset now)
    {
        if (due > now)
        {
            return due + period;
        }

        var missed = (now - due).Ticks / period.Ticks + 1;
        return due + TimeSpan.FromTicks(period.Ticks * missed);
    }
}
