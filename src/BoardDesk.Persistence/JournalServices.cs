using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace BoardDesk.Persistence;

/// <summary>
/// What every journaled grain of a silo shares: the store, the event names, the read models, the settings and the
/// domain clock; and the one way a grain's commit reaches the store. A store that fails is tried again a few times
/// with growing pauses, then reported as <see cref="StoreUnavailableException"/> (503); after repeated failures a
/// circuit breaker answers at once for a while instead of piling more work on a failing disk. So a failing store
/// never costs a hot retry loop nor holds a caller for the whole response timeout.
/// </summary>
public sealed class JournalServices
{
    private readonly ResiliencePipeline _commits;

    /// <summary>Creates the services of the journaled grains.</summary>
    public JournalServices(
        IJournalStore store,
        EventTypes events,
        ReadModels readModels,
        IOptions<RuntimeOptions> options,
        [FromKeyedServices(BoardDeskClock.Key)] TimeProvider clock,
        ILogger<JournalServices> logger)
    {
        Store = store;
        Events = events;
        ReadModels = readModels;
        Options = options.Value;
        Clock = clock;
        Logger = logger;
        _commits = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not BrokenCircuitException and not ObjectDisposedException),
                MaxRetryAttempts = Options.StoreRetryAttempts,
                Delay = Options.StoreRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = retry =>
                {
                    logger.LogWarning(retry.Outcome.Exception, "A commit failed (attempt {Attempt}); trying again in {Delay}", retry.AttemptNumber + 1, retry.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not ObjectDisposedException),
                FailureRatio = 0.5,
                MinimumThroughput = 8,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = TimeSpan.FromSeconds(5),
                OnOpened = opened =>
                {
                    logger.LogError("The store keeps failing; commits are refused for {Duration} before it is tried again", opened.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>The store every journal lives in.</summary>
    public IJournalStore Store { get; }

    /// <summary>The registered event types.</summary>
    public EventTypes Events { get; }

    /// <summary>The read-model documents the grains publish.</summary>
    public ReadModels ReadModels { get; }

    /// <summary>The settings.</summary>
    public RuntimeOptions Options { get; }

    /// <summary>The domain clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The log of the journaled grains.</summary>
    public ILogger Logger { get; }

    /// <summary>Commits one call's changes, trying a failing store again with backoff; never retries a conflict.</summary>
    public async Task<CommitResult> CommitAsync(JournalCommit commit)
    {
        try
        {
            return await _commits.ExecuteAsync(static async (commit, token) => await commit.Store.CommitAsync(commit.Commit, token), (Store, Commit: commit), CancellationToken.None);
        }
        catch (BrokenCircuitException)
        {
            throw new StoreUnavailableException("BoardDesk cannot store changes at the moment (the store keeps failing); nothing was changed. Try again in a few seconds.");
        }
        catch (Exception error) when (error is not ObjectDisposedException)
        {
            Logger.LogError(error, "A commit of {Grain} failed after {Attempts} attempts; nothing of the call was stored", commit.Grain, Options.StoreRetryAttempts + 1);
            throw new StoreUnavailableException("BoardDesk could not store the change (the store failed); nothing was changed. Try again in a few seconds.");
        }
    }
}
