namespace BoardDesk.Grains;

/// <summary>
/// The clock of the domain (meeting days, deadlines, the times journals record), registered as the keyed
/// <see cref="TimeProvider"/> <see cref="Key"/>. It is kept apart from the unkeyed clock Orleans' own timers use,
/// so that a test can set the domain's date to 2015 without stopping the runtime's clocks.
/// </summary>
public static class BoardDeskClock
{
    /// <summary>The service key of the domain clock.</summary>
    public const string Key = "BoardDesk.Clock";
}
