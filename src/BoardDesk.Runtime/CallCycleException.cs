using BoardDesk.Grains;

namespace BoardDesk.Runtime;

/// <summary>
/// Thrown at once when a grain call would wait on a grain that is already waiting further up the same call path
/// (A calls B calls A), which would otherwise never finish.
/// </summary>
public sealed class CallCycleException(IReadOnlyList<GrainId> cycle)
    : Exception($"Grain call cycle: {string.Join(" -> ", cycle)}. A grain cannot be called again while it waits on this call path.")
{
    /// <summary>The grains on the cycle, from the first call to the repeated one.</summary>
    public IReadOnlyList<GrainId> Cycle { get; } = cycle;
}
