namespace BoardDesk.Grains;

/// <summary>
/// The last failure of an operation that spans grains: which effect failed, on which attempt, why, and when it is
/// tried again. A failure with no <see cref="NextAttemptAt"/> stopped the operation: the target refused the effect
/// in a way that trying again cannot mend, and what was applied before it stays applied.
/// </summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Grains.OperationFailure")]
public sealed record OperationFailure
{
    /// <summary>The effect that failed.</summary>
    [Id(0)]
    public required string EffectId { get; init; }

    /// <summary>How many times in a row this effect has failed, counting this failure.</summary>
    [Id(1)]
    public required int Attempt { get; init; }

    /// <summary>Why it failed, in words.</summary>
    [Id(2)]
    public required string Reason { get; init; }

    /// <summary>When it failed.</summary>
    [Id(3)]
    public required DateTimeOffset At { get; init; }

    /// <summary>When the effect is tried again; null when the operation stopped and is not retried.</summary>
    [Id(4)]
    public DateTimeOffset? NextAttemptAt { get; init; }
}
