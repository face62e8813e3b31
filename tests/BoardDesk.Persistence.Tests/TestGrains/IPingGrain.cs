using BoardDesk.Grains;

namespace BoardDesk.Persistence.Tests.TestGrains;

[Alias("BoardDesk.Persistence.Tests.TestGrains.IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Calls the first grain of <paramref name="path"/> with the rest of the path; returns the keys visited.</summary>
    [Alias("ForwardAsync")]
    Task<string> ForwardAsync(string[] path);

    /// <summary>Forwards along the path, allowing the calls it makes to call back into this grain.</summary>
    [Alias("ForwardAllowingCallBackAsync")]
    Task<string> ForwardAllowingCallBackAsync(string[] path);

    /// <summary>Blocks this grain's thread (no await) until <paramref name="expected"/> grains are blocked at once.</summary>
    [Alias("RendezvousAsync")]
    Task<bool> RendezvousAsync(int expected);
}
