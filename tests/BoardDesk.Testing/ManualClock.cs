namespace BoardDesk.Testing;

/// <summary>A clock the test sets, so that stories from 2015 run on 2015's dates (deadlines, meeting days).</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The time the clock shows.</summary>
    public DateTimeOffset Now { get; set; } = now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
