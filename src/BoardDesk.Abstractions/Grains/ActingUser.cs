namespace BoardDesk.Grains;

/// <summary>
/// Who is acting on the current call path. The server sets it per request; grain calls carry it along,
/// and every journal event records it.
/// </summary>
public static class ActingUser
{
    /// <summary>The name recorded when nobody signed in is acting (start-up seeding, reminders).</summary>
    public const string System = "system";

    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The acting user's name on this call path, or <see cref="System"/>.</summary>
    public static string Name => Current.Value ?? System;

    /// <summary>Sets the acting user for the rest of this call path; dispose the result to restore the previous one.</summary>
    public static IDisposable Begin(string userName)
    {
        var previous = Current.Value;
        Current.Value = userName;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
