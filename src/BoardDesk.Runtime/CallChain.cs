using BoardDesk.Grains;

namespace BoardDesk.Runtime;

/// <summary>The grains on the current call path, innermost first; flows with the async call path.</summary>
internal sealed class CallChain(GrainId grain, CallChain? caller)
{
    private readonly GrainId _grain = grain;
    private readonly CallChain? _caller = caller;

    private static readonly AsyncLocal<CallChain?> Ambient = new();

    public static CallChain? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    public static void ThrowIfCycle(GrainId target)
    {
        for (var link = Current; link is not null; link = link._caller)
        {
            if (link._grain == target)
            {
                var path = new List<GrainId> { target };
                for (var back = Current; back is not null; back = back._caller)
                {
                    path.Add(back._grain);
                    if (back._grain == target)
                    {
                        break;
                    }
                }

                path.Reverse();
                throw new CallCycleException(path);
            }
        }
    }

    public static void Enter(GrainId grain) => Current = new CallChain(grain, Current);
}
