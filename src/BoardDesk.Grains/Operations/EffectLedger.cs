using System.Collections.Immutable;

namespace BoardDesk.Operations;

/// <summary>
/// The effect ids a grain has applied, kept in its state so that an effect delivered again after a crash is
/// recognised and ignored. Part of the state of any grain that an <see cref="OperationGrain{TState, TEvent, TEffect}"/> targets.
/// </summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Operations.EffectLedger")]
public sealed record EffectLedger
{
    /// <summary>A ledger with nothing applied.</summary>
    public static EffectLedger Empty { get; } = new();

    /// <summary>The ids applied so far.</summary>
    [Id(0)]
    public ImmutableHashSet<string> Applied { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>True when the effect was applied already.</summary>
    public bool Contains(string? effectId) => effectId is not null && Applied.Contains(effectId);

    /// <summary>The ledger with one more id; a null or empty id (a change made outside any operation) leaves it as it is.</summary>
    public EffectLedger With(string? effectId) => string.IsNullOrEmpty(effectId) ? this : this with { Applied = Applied.Add(effectId) };
}
