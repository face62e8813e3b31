using Orleans.Runtime;

namespace BoardDesk.Persistence.Tests.TestGrains;

[GrainType("ping")]
public sealed class PingGrain : Grain, IPingGrain
{
    private static int _arrived;

    public static void ResetRendezvous() => _arrived = 0;

    public async Task<string> ForwardAsync(string[] path)
    {
        if (path.Length == 0)
        {
            return this.GetPrimaryKeyString();
        }

        var next = GrainFactory.GetGrain<IPingGrain>(path[0]);
        return this.GetPrimaryKeyString() + "," + await next.ForwardAsync(path[1..]);
    }

    public async Task<string> ForwardAllowingCallBackAsync(string[] path)
    {
        if (path.Length == 0)
        {
            return this.GetPrimaryKeyString();
        }

        // The call back is intended here: the chain may re-enter this grain while it waits.
        using (RequestContext.AllowCallChainReentrancy())
        {
            var next = GrainFactory.GetGrain<IPingGrain>(path[0]);
            return this.GetPrimaryKeyString() + "," + await next.ForwardAllowingCallBackAsync(path[1..]);
        }
    }

    public Task<bool> RendezvousAsync(int expected)
    {
        Interlocked.Increment(ref _arrived);
        // A blocking wait: it can only succeed if every grain holds a thread of its own at the same moment.
        return Task.FromResult(SpinWait.SpinUntil(() => Volatile.Read(ref _arrived) >= expected, TimeSpan.FromSeconds(20)));
    }
}
