using System.Collections.Immutable;
using System.Text.Json.Serialization;
using BoardDesk.Grains;

namespace BoardDesk.Operations;

/// <summary>An operation's planned effects and which of them are applied; part of an operation grain's state.</summary>
/// <typeparam name="TEffect">The effect type.</typeparam>
public sealed record OperationProgress<TEffect> where TEffect : IPlannedEffect
{
    /// <summary>Nothing planned.</summary>
    public static OperationProgress<TEffect> None { get; } = new();

    /// <summary>Every effect, in the order they are applied.</summary>
    public ImmutableList<TEffect> Effects { get; init; } = [];

    /// <summary>The ids of the effects applied so far.</summary>
    public ImmutableList<string> Applied { get; init; } = [];

    /// <summary>True once the plan is recorded.</summary>
    public bool Planned { get; init; }

    /// <summary>When the last effect was applied; null until then.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>True once every effect is applied.</summary>
    [JsonIgnore]
    public bool Completed => CompletedAt is not null;

    /// <summary>The effects not applied yet, in order.</summary>
    [JsonIgnore]
    public IEnumerable<TEffect> Pending => Effects.Where(e => !Applied.Contains(e.EffectId));

    /// <summary>The progress with the plan recorded.</summary>
    public OperationProgress<TEffect> WithPlan(IEnumerable<TEffect> effects) => this with { Effects = [.. effects], Planned = true };

    /// <summary>The progress with one more effect applied.</summary>
    public OperationProgress<TEffect> WithApplied(string effectId) => Applied.Contains(effectId) ? this : this with { Applied = Applied.Add(effectId) };

    /// <summary>The progress with every effect applied.</summary>
    public OperationProgress<TEffect> WithCompleted(DateTimeOffset at) => this with { CompletedAt = at };
}
