namespace BoardDesk.Runtime;

/// <summary>Settings of the grain runtime (configuration section <c>BoardDesk:Runtime</c>).</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>How long an activation may go unused before it is deactivated and its memory freed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A snapshot of a grain's state is stored every this many events, so loads stay fast.</summary>
    public int SnapshotInterval { get; set; } = 64;

    /// <summary>How long to wait before delivering again a reminder whose turn failed.</summary>
    public TimeSpan ReminderRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
