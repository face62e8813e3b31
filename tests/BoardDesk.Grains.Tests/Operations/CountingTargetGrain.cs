using System.Collections.Concurrent;
using BoardDesk.Operations;
using BoardDesk.Persistence;

namespace BoardDesk.Grains.Tests.Operations;

/// <summary>
/// Counts effects with an <see cref="EffectLedger"/>. A key in <see cref="Failures"/> throws on its next effects,
/// as storage that is down would, that many times; a key in <see cref="Refusing"/> refuses every effect by its rules.
/// </summary>
[GrainType("counting-target")]
public sealed class CountingTargetGrain : JournaledGrain<CountingTargetState, CountingTargetEvent>, ICountingTargetGrain
{
    /// <summary>Keys whose next effects fail, and how many of them.</summary>
    public static ConcurrentDictionary<string, int> Failures { get; } = new();

    /// <summary>Keys that refuse every effect.</summary>
    public static ConcurrentDictionary<string, bool> Refusing { get; } = new();

    /// <inheritdoc />
    public Task ApplyAsync(string effectId)
    {
        if (Refusing.ContainsKey(Key))
        {
            throw new RuleViolationException($"{Key} is closed; it takes no more effects.");
        }

        if (Failures.TryGetValue(Key, out var left) && left > 0)
        {
            Failures[Key] = left - 1;
            throw new IOException("The disk is not answering.");
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
[GenerateSerializer, Immutable, Alias("BoardDesk.Grains.Tests.Operations.CountingTargetEvent")]
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
    [Id(0)]
    public int Count { get; init; }

    /// <summary>Effect ids applied.</summary>
    [Id(1)]
    public EffectLedger Effects { get; init; } = EffectLedger.Empty;

    /// <inheritdoc />
    public CountingTargetState Apply(CountingTargetEvent e) => e switch
    {
        CountingTargetCounted counted => this with { Count = Count + 1, Effects = Effects.With(counted.EffectId) },
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}
