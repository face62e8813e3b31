using System.Collections.Concurrent;
using BoardDesk.Operations;
using BoardDesk.Runtime;

namespace BoardDesk.Grains.Tests.Operations;

/// <summary>Counts effects with an <see cref="EffectLedger"/>; a key in <see cref="FailOnce"/> throws on its first effect, as a crash would.</summary>
public sealed class CountingTargetGrain : JournaledGrain<CountingTargetState, CountingTargetEvent>, ICountingTargetGrain
{
    /// <summary>Keys whose next effect fails.</summary>
    public static ConcurrentDictionary<string, bool> FailOnce { get; } = new();

    /// <inheritdoc />
    public Task ApplyAsync(string effectId)
    {
        if (FailOnce.TryRemove(Key, out _))
        {
            throw new InvalidOperationException("The process died here.");
        }

        if (!State.Effects.Contains(effectId))
        {
            Raise(new CountingTargetCounted(effectId));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> CountAsync() => Task.FromResult(State.Count);
}

/// <summary>The base of the test target's events.</summary>
public abstract record CountingTargetEvent;

/// <summary>An effect was counted.</summary>
[JournalEvent("TestCountingTargetCounted")]
public sealed record CountingTargetCounted(string EffectId) : CountingTargetEvent;

/// <summary>The test target's state.</summary>
public sealed record CountingTargetState : IJournaledState<CountingTargetState, CountingTargetEvent>
{
    /// <inheritdoc />
    public static CountingTargetState Empty { get; } = new();

    /// <summary>Effects counted.</summary>
    public int Count { get; init; }

    /// <summary>Effect ids applied.</summary>
    public EffectLedger Effects { get; init; } = EffectLedger.Empty;

    /// <inheritdoc />
    public CountingTargetState Apply(CountingTargetEvent e) => e switch
    {
        CountingTargetCounted counted => this with { Count = Count + 1, Effects = Effects.With(counted.EffectId) },
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}
