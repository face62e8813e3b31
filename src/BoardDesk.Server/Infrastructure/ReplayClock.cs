namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// A silo's domain clock (<see cref="BoardDesk.Grains.BoardDeskClock.Key"/>): the system's time, except while the
/// sample story is replayed, when it reads the date and time of the step being replayed and runs on from there. So
/// every change of the story is journaled on its own date, and point-in-time answers read real history. Only the
/// sample loader sets it, on a start before the web server takes requests; Orleans' own clocks are never moved.
/// </summary>
public sealed class ReplayClock(TimeProvider system) : TimeProvider
{
    // The offset from the system's time while a step is replayed; zero otherwise. Ticks, so reads need no lock.
    private long _offsetTicks;

    /// <summary>Whether a step is being replayed.</summary>
    public bool Replaying => Interlocked.Read(ref _offsetTicks) != 0;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => system.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    /// <summary>Reads <paramref name="at"/> now, and runs on from it, until the returned scope ends.</summary>
    public IDisposable At(DateTimeOffset at)
    {
        var offset = (at - system.GetUtcNow()).Ticks;
        Interlocked.Exchange(ref _offsetTicks, offset == 0 ? 1 : offset);
        return new Scope(this);
    }

    private sealed class Scope(ReplayClock clock) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref clock._offsetTicks, 0);
    }
}
