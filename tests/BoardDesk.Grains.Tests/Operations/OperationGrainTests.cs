using System.Collections.Concurrent;
using BoardDesk.Operations;
using BoardDesk.Persistence;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Grains.Tests.Operations;

public sealed class OperationGrainTests : IAsyncLifetime
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMilliseconds(800);
    private readonly TemporaryFolder _folder = new();
    private readonly WarningLog _warnings = new();
    private GrainHost _host = null!;

    public async Task InitializeAsync() => _host = await StartHostAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShouldRecordTheFailureAndThenApplyEveryEffectOnce_WhenAnEffectFailsOnce()
    {
        CountingTargetGrain.Failures["target-b-once"] = 1;
        var operation = _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out-once");

        await operation.RunAsync(["target-a-once", "target-b-once", "target-c-once"]);

        var progress = await operation.GetProgressAsync();
        progress.Completed.Should().BeFalse("the plan is recorded but not finished");
        progress.Applied.Should().Equal("fan-out-once/1");
        progress.LastFailure.Should().NotBeNull();
        progress.LastFailure!.EffectId.Should().Be("fan-out-once/2");
        progress.LastFailure.Attempt.Should().Be(1);
        progress.LastFailure.Reason.Should().Be("IOException: The disk is not answering.");
        (progress.LastFailure.NextAttemptAt - progress.LastFailure.At).Should().Be(FirstRetry);
        progress.Describe().Should().StartWith("Retrying after a failure: effect fan-out-once/2 failed on attempt 1 (IOException: The disk is not answering.); next attempt at ");
        (await CountAsync("target-a-once")).Should().Be(1);

        await WaitUntilCompletedAsync(operation);

        (await CountAsync("target-a-once")).Should().Be(1, "the effect applied before the failure is not applied again");
        (await CountAsync("target-b-once")).Should().Be(1);
        (await CountAsync("target-c-once")).Should().Be(1);
        (await operation.GetProgressAsync()).LastFailure.Should().BeNull("the failure is over once its effect is applied");
        (await _host.ReminderCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task ShouldBackOffDoublingUpToTheCapAndJournalEveryAttempt_WhenAnEffectKeepsFailing()
    {
        CountingTargetGrain.Failures["target-b-keeps"] = 5;
        var operation = _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out-keeps");

        await operation.RunAsync(["target-a-keeps", "target-b-keeps"]);
        await WaitUntilCompletedAsync(operation);

        var failures = await FailuresAsync("fan-out-keeps");
        failures.Select(f => f.Attempt).Should().Equal(1, 2, 3, 4, 5);
        failures.Select(f => f.NextAttemptAt!.Value - f.At).Should().Equal(
            FirstRetry, FirstRetry * 2, MaxRetry, MaxRetry, MaxRetry);
        failures.Should().OnlyContain(f => f.EffectId == "fan-out-keeps/2" && f.Reason == "IOException: The disk is not answering.");
        for (var i = 1; i < failures.Count; i++)
        {
            failures[i].At.Should().BeOnOrAfter(failures[i - 1].NextAttemptAt!.Value, "no attempt comes before its time");
        }

        (await CountAsync("target-b-keeps")).Should().Be(1);
        (await _host.ReminderCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task ShouldCarryOnCountingAttemptsAfterARestart_WhenAFailureWasRecordedBeforeIt()
    {
        CountingTargetGrain.Failures["target-b-restart"] = 2;
        await _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out-restart").RunAsync(["target-a-restart", "target-b-restart"]);
        await _host.DisposeAsync();

        _host = await StartHostAsync();
        var operation = _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out-restart");
        var recorded = (await operation.GetProgressAsync()).LastFailure;
        recorded.Should().NotBeNull("the failure is in the journal, not only in memory");
        recorded!.Attempt.Should().BeInRange(1, 2, "the second attempt may already have run, from the reminder, while the silo started");
        await WaitUntilCompletedAsync(operation);

        (await FailuresAsync("fan-out-restart")).Select(f => f.Attempt).Should().Equal(1, 2);
        (await CountAsync("target-a-restart")).Should().Be(1);
        (await CountAsync("target-b-restart")).Should().Be(1);
    }

    [Fact]
    public async Task ShouldStopKeepingWhatWasAppliedAndNotRetry_WhenATargetRefusesTheEffect()
    {
        CountingTargetGrain.Refusing["target-b-refuses"] = true;
        var operation = _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out-refused");

        await operation.RunAsync(["target-a-refuses", "target-b-refuses", "target-c-refuses"]);

        var progress = await operation.GetProgressAsync();
        progress.Stopped.Should().BeTrue();
        progress.Completed.Should().BeFalse();
        progress.Applied.Should().Equal("fan-out-refused/1");
        progress.LastFailure!.NextAttemptAt.Should().BeNull();
        progress.LastFailure.Reason.Should().Be("target-b-refuses is closed; it takes no more effects.");
        progress.Describe().Should().StartWith("Stopped: effect fan-out-refused/2 was refused at ").And.EndWith("1 of 3 effects applied, and they stay applied.");
        (await _host.ReminderCountAsync()).Should().Be(0, "nothing is retried");

        await Task.Delay(MaxRetry * 2);
        await _host.DisposeAsync();
        _host = await StartHostAsync();
        await Task.Delay(FirstRetry * 2);

        (await FailuresAsync("fan-out-refused")).Should().ContainSingle("a refusal is recorded once, not retried in a loop");
        (await _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out-refused").GetProgressAsync()).Should().BeEquivalentTo(progress);
        (await CountAsync("target-a-refuses")).Should().Be(1, "what was applied stays applied");
        (await CountAsync("target-c-refuses")).Should().Be(0, "nothing after the refused effect is applied");
    }

    [Fact]
    public async Task ShouldFinishEveryEffectOnce_WhenAStoppedOperationIsResumedAfterTheCauseIsPutRight()
    {
        CountingTargetGrain.Refusing["target-b-resumed"] = true;
        var operation = _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out-resumed");
        await operation.RunAsync(["target-a-resumed", "target-b-resumed", "target-c-resumed"]);

        await operation.Invoking(o => o.ResumeAsync()).Should().NotThrowAsync("resuming while the cause remains records one more refusal");
        (await operation.GetProgressAsync()).Should().Match<OperationProgress<FanOutEffect>>(p => p.Stopped && p.LastFailure!.Attempt == 2);
        CountingTargetGrain.Refusing.TryRemove("target-b-resumed", out _);
        await operation.ResumeAsync();

        (await operation.IsCompletedAsync()).Should().BeTrue();
        (await FailuresAsync("fan-out-resumed")).Select(f => f.Attempt).Should().Equal(1, 2);
        foreach (var target in new[] { "target-a-resumed", "target-b-resumed", "target-c-resumed" })
        {
            (await CountAsync(target)).Should().Be(1);
        }

        (await _host.ReminderCountAsync()).Should().Be(0);
        await operation.Invoking(o => o.ResumeAsync()).Should().ThrowAsync<RuleViolationException>().WithMessage("*completed*");
    }

    [Fact]
    public async Task ShouldWarnOncePerFailureWithTheReason_WhenAnEffectFailsAndIsRetried()
    {
        CountingTargetGrain.Failures["target-b-logged"] = 2;
        var operation = _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out-logged");

        await operation.RunAsync(["target-a-logged", "target-b-logged"]);
        await WaitUntilCompletedAsync(operation);

        var warnings = _warnings.Messages.Where(m => m.Contains("fan-out-logged", StringComparison.Ordinal)).ToList();
        warnings.Should().HaveCount(2).And.OnlyContain(m => m.Contains("effect fan-out-logged/2 failed on attempt") && m.Contains("IOException: The disk is not answering."));
        warnings[0].Should().Contain("attempt 1");
        warnings[1].Should().Contain("attempt 2");
    }

    [Fact]
    public async Task ShouldCompleteAndRemoveTheReminder_WhenNothingFails()
    {
        var operation = _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out-ok");

        await operation.RunAsync(["target-a-ok", "target-b-ok"]);

        (await operation.IsCompletedAsync()).Should().BeTrue();
        (await operation.GetProgressAsync()).Describe().Should().StartWith("Completed at ");
        (await CountAsync("target-a-ok")).Should().Be(1);
        (await _host.ReminderCountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(5, 80)]
    [InlineData(10, 2560)]
    [InlineData(11, 3600)]
    [InlineData(1000, 3600)]
    public void ShouldWaitFiveSecondsDoublingUpToAnHour_WhenTheDefaultsApply(int attempt, int seconds) =>
        new OperationOptions().RetryDelay(attempt).Should().Be(TimeSpan.FromSeconds(seconds));

    private Task<GrainHost> StartHostAsync() => GrainHost.StartAsync(
        _folder.File("operations.db"),
        services: s => s
            .AddSingleton<ILoggerProvider>(_warnings)
            .Configure<OperationOptions>(o =>
            {
                o.ResumeAfter = TimeSpan.FromSeconds(1);
                o.FirstRetryDelay = FirstRetry;
                o.MaxRetryDelay = MaxRetry;
            }),
        grainAssemblies: typeof(FanOutOperationGrain).Assembly);

    private async Task<List<OperationFailure>> FailuresAsync(string operation)
    {
        var journal = await _host.ReadHistoryAsync(new JournalId("fan-out-operation", operation));
        return [.. journal.Select(e => e.Event).OfType<FanOutEffectFailed>().Select(f => f.Failure)];
    }

    private static async Task WaitUntilCompletedAsync(IFanOutOperationGrain operation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await operation.IsCompletedAsync() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await operation.IsCompletedAsync()).Should().BeTrue("the resume reminder finishes the operation");
    }

    private Task<int> CountAsync(string target) => _host.Grains.GetGrain<ICountingTargetGrain>(target).CountAsync();

    /// <summary>Keeps every warning (and worse) logged, formatted, from any category, including the runtime's own.</summary>
    private sealed class WarningLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Messages.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
