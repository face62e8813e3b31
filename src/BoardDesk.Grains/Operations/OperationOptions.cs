namespace BoardDesk.Operations;

/// <summary>Settings of operations that span grains (configuration section <c>BoardDesk:Operations</c>).</summary>
public sealed class OperationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BoardDesk:Operations";

    /// <summary>
    /// How long after an operation is planned its resume reminder falls due. A reminder that falls due while the
    /// operation is still running waits its turn and then finds nothing to do; one that falls due after a crash
    /// (or at the first start after it) applies whatever is left.
    /// </summary>
    public TimeSpan ResumeAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after an effect first fails it is tried again; the wait doubles at each failure in a row.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts of a failing effect.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// For crash tests only: when set, an operation stops for good after applying this many effects in one turn,
    /// so that a test can kill the process half way. Null (the default) never stops.
    /// </summary>
    public int? PauseAfterEffects { get; set; }

    /// <summary>The wait after the <paramref name="attempt"/>-th failure in a row: <see cref="FirstRetryDelay"/>, doubling, at most <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var doublings = Math.Clamp(attempt - 1, 0, 40);
        var ticks = FirstRetryDelay.Ticks * Math.Pow(2, doublings);
        return ticks >= MaxRetryDelay.Ticks ? MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}
