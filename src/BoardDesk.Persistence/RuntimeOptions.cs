namespace BoardDesk.Persistence;

/// <summary>Settings of the grains on Orleans and of their journals (configuration section <c>BoardDesk:Runtime</c>).</summary>
public sealed class RuntimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BoardDesk:Runtime";

    /// <summary>How long an activation may go unused before Orleans deactivates it and its memory is freed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often Orleans looks for idle activations; shorter than <see cref="IdleTimeout"/>.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A snapshot of a grain's state is stored every this many events, so loads stay fast.</summary>
    public int SnapshotInterval { get; set; } = 64;

    /// <summary>
    /// How long to wait before delivering again a reminder whose call failed (at least a second); also how late, at
    /// most, a reminder that fell due while the server was down is delivered after the next start.
    /// </summary>
    public TimeSpan ReminderRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a grain call may take before its caller gives up with a timeout. A call cycle between grains (a
    /// mistake Orleans does not detect) fails after this long instead of hanging; so does a call stuck on the store.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a commit that the store failed is tried again before the caller hears 503.</summary>
    public int StoreRetryAttempts { get; set; } = 3;

    /// <summary>The pause before the first retry of a failed commit; it doubles at each further retry.</summary>
    public TimeSpan StoreRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Above this share of the machine's memory in use, Orleans sheds idle activations early (activation shedding);
    /// 0 turns shedding off.
    /// </summary>
    public int MemoryLimitPercent { get; set; } = 80;
}
