using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using BoardDesk.Grains;

namespace BoardDesk.Operations;

/// <summary>An operation's planned effects and which of them are applied; part of an operation grain's state.</summary>
/// <typeparam name="TEffect">The effect type.</typeparam>
[GenerateSerializer, Immutable, Alias("BoardDesk.Operations.OperationProgress`1")]
public sealed record OperationProgress<TEffect> where TEffect : IPlannedEffect
{
    /// <summary>Nothing planned.</summary>
    public static OperationProgress<TEffect> None { get; } = new();

    /// <summary>Every effect, in the order they are applied.</summary>
    [Id(0)]
    public ImmutableList<TEffect> Effects { get; init; } = [];

    /// <summary>The ids of the effects applied so far.</summary>
    [Id(1)]
    public ImmutableList<string> Applied { get; init; } = [];

    /// <summary>True once the plan is recorded.</summary>
    [Id(2)]
    public bool Planned { get; init; }

    /// <summary>When the last effect was applied; null until then.</summary>
    [Id(3)]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The last failure of an effect not applied since; null when the last attempt of every effect tried went through.</summary>
    [Id(4)]
    public OperationFailure? LastFailure { get; init; }

    /// <summary>True once every effect is applied.</summary>
    [JsonIgnore]
    public bool Completed => CompletedAt is not null;

    /// <summary>True when an effect was refused in a way that retrying cannot mend: the operation is not retried.</summary>
    [JsonIgnore]
    public bool Stopped => !Completed && LastFailure is { NextAttemptAt: null };

    /// <summary>The effects not applied yet, in order.</summary>
    [JsonIgnore]
    public IEnumerable<TEffect> Pending => Effects.Where(e => !Applied.Contains(e.EffectId));

    /// <summary>The progress with the plan recorded.</summary>
    public OperationProgress<TEffect> WithPlan(IEnumerable<TEffect> effects) => this with { Effects = [.. effects], Planned = true };

    /// <summary>The progress with one more effect applied; a failure of that effect is over.</summary>
    public OperationProgress<TEffect> WithApplied(string effectId) => Applied.Contains(effectId)
        ? this
        : this with { Applied = Applied.Add(effectId), LastFailure = LastFailure?.EffectId == effectId ? null : LastFailure };

    /// <summary>The progress with an effect's failure recorded.</summary>
    public OperationProgress<TEffect> WithFailure(OperationFailure failure) => this with { LastFailure = failure };

    /// <summary>The progress with every effect applied.</summary>
    public OperationProgress<TEffect> WithCompleted(DateTimeOffset at) => this with { CompletedAt = at };

    /// <summary>How far the operation has got, in words, for the people who follow it.</summary>
    public string Describe()
    {
        var applied = $"{Applied.Count} of {Effects.Count} effects applied";
        return this switch
        {
            { Planned: false } => "Not planned.",
            { Completed: true } => $"Completed at {Time(CompletedAt!.Value)}: {applied}.",
            { LastFailure: { NextAttemptAt: null } stopped } =>
                $"Stopped: effect {stopped.EffectId} was refused at {Time(stopped.At)} ({stopped.Reason}). Retrying cannot mend this, so it is not retried; {applied}, and they stay applied.",
            { LastFailure: { NextAttemptAt: { } next } failure } =>
                $"Retrying after a failure: effect {failure.EffectId} failed on attempt {failure.Attempt} ({failure.Reason}); next attempt at {Time(next)}. {applied}.",
            _ => $"Applying: {applied}.",
        };
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
