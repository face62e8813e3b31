using BoardDesk.Operations;
using BoardDesk.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoardDesk.Grains.Tests.Operations;

/// <summary>The smallest <see cref="OperationGrain{TState, TEvent, TEffect}"/>: one effect per target.</summary>
[GrainType("fan-out-operation")]
public sealed class FanOutOperationGrain(IOptions<OperationOptions> options, ILogger<FanOutOperationGrain> logger)
    : OperationGrain<FanOutState, FanOutEvent, FanOutEffect>(options, logger), IFanOutOperationGrain
{
    /// <inheritdoc />
    protected override OperationProgress<FanOutEffect> Progress => State.Progress;

    /// <inheritdoc />
    public Task RunAsync(IReadOnlyList<string> targets) =>
        RunAsync(new FanOutPlanned([.. targets.Select((t, i) => new FanOutEffect($"{Key}/{i + 1}", t))]));

    /// <inheritdoc />
    public Task ResumeAsync() => ResumeStoppedAsync();

    /// <inheritdoc />
    public Task<bool> IsCompletedAsync() => Task.FromResult(State.Progress.Completed);

    /// <inheritdoc />
    public Task<OperationProgress<FanOutEffect>> GetProgressAsync() => Task.FromResult(State.Progress);

    /// <inheritdoc />
    protected override FanOutEvent EffectApplied(string effectId) => new FanOutEffectApplied(effectId);

    /// <inheritdoc />
    protected override FanOutEvent EffectFailed(OperationFailure failure) => new FanOutEffectFailed(failure);

    /// <inheritdoc />
    protected override FanOutEvent Completed(DateTimeOffset at) => new FanOutCompleted(at);

    /// <inheritdoc />
    protected override Task ApplyEffectAsync(FanOutEffect effect) => GrainFactory.GetGrain<ICountingTargetGrain>(effect.Target).ApplyAsync(effect.EffectId);
}

/// <summary>One effect of the test operation.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Grains.Tests.Operations.FanOutEffect")]
public sealed record FanOutEffect(string EffectId, string Target) : IPlannedEffect;

/// <summary>The base of the test operation's events.</summary>
public abstract record FanOutEvent;

/// <summary>The plan was recorded.</summary>
[JournalEvent("TestFanOutPlanned")]
public sealed record FanOutPlanned(IReadOnlyList<FanOutEffect> Effects) : FanOutEvent;

/// <summary>An effect was applied.</summary>
[JournalEvent("TestFanOutEffectApplied")]
public sealed record FanOutEffectApplied(string EffectId) : FanOutEvent;

/// <summary>An effect failed.</summary>
[JournalEvent("TestFanOutEffectFailed")]
public sealed record FanOutEffectFailed(OperationFailure Failure) : FanOutEvent;

/// <summary>Every effect was applied.</summary>
[JournalEvent("TestFanOutCompleted")]
public sealed record FanOutCompleted(DateTimeOffset At) : FanOutEvent;

/// <summary>The test operation's state.</summary>
public sealed record FanOutState : IJournaledState<FanOutState, FanOutEvent>
{
    /// <inheritdoc />
    public static FanOutState Empty { get; } = new();

    /// <summary>The plan and its progress.</summary>
    [Id(2)]
    public OperationProgress<FanOutEffect> Progress { get; init; } = OperationProgress<FanOutEffect>.None;

    /// <inheritdoc />
    public FanOutState Apply(FanOutEvent e) => e switch
    {
        FanOutPlanned planned => this with { Progress = Progress.WithPlan(planned.Effects) },
        FanOutEffectApplied applied => this with { Progress = Progress.WithApplied(applied.EffectId) },
        FanOutEffectFailed failed => this with { Progress = Progress.WithFailure(failed.Failure) },
        FanOutCompleted completed => this with { Progress = Progress.WithCompleted(completed.At) },
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}
