using Orleans.Runtime;

namespace BoardDesk.Grains;

/// <summary>
/// Who is acting on the current call path. The server sets it per request; it travels with every grain call in
/// Orleans' <see cref="RequestContext"/> (to other silos and from clients too), and every journal event records it.
/// </summary>
public static class ActingUser
{
    /// <summary>The name recorded when nobody signed in is acting (start-up seeding, reminders).</summary>
    public const string System = "system";

    private const string Key = "boarddesk-user";

    /// <summary>The acting user's name on this call path, or <see cref="System"/>.</summary>
    public static string Name => RequestContext.Get(Key) as string ?? System;

    /// <summary>Sets the acting user for the rest of this call path; dispose the result to restore the previous one.</summary>
    public static IDisposable Begin(string userName)
    {
        var previous = RequestContext.Get(Key) as string;
        RequestContext.Set(Key, userName);
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
            {
                RequestContext.Remove(Key);
            }
            else
            {
                RequestContext.Set(Key, previous);
            }
        }
    }
}
