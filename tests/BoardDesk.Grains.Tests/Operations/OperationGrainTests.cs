using BoardDesk.Operations;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Grains.Tests.Operations;

public sealed class OperationGrainTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private GrainHost _host = null!;

    public async Task InitializeAsync() => _host = await GrainHost.StartAsync(
        _folder.File("operations.db"),
        services: s => s.Configure<OperationOptions>(o => o.ResumeAfter = TimeSpan.FromSeconds(1)),
        grainAssemblies: typeof(FanOutOperationGrain).Assembly);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShouldApplyEveryEffectOnceAfterTheReminder_WhenTheOperationFailedHalfWay()
    {
        CountingTargetGrain.FailOnce["target-b-halfway"] = true;
        var operation = _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out");

        var run = () => operation.RunAsync(["target-a-halfway", "target-b-halfway", "target-c-halfway"]);

        await run.Should().ThrowAsync<InvalidOperationException>();
        (await operation.IsCompletedAsync()).Should().BeFalse("the plan is recorded but not finished");
        (await CountAsync("target-a-halfway")).Should().Be(1);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await operation.IsCompletedAsync() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await operation.IsCompletedAsync()).Should().BeTrue("the resume reminder finishes the operation");
        (await CountAsync("target-a-halfway")).Should().Be(1, "the effect applied before the failure is not applied again");
        (await CountAsync("target-b-halfway")).Should().Be(1);
        (await CountAsync("target-c-halfway")).Should().Be(1);
        _host.Runtime.ReminderCount.Should().Be(0);
    }

    [Fact]
    public async Task ShouldCompleteAndRemoveTheReminder_WhenNothingFails()
    {
        var operation = _host.Grains.GetGrain<IFanOutOperationGrain>("fan-out-ok");

        await operation.RunAsync(["target-a-ok", "target-b-ok"]);

        (await operation.IsCompletedAsync()).Should().BeTrue();
        (await CountAsync("target-a-ok")).Should().Be(1);
        _host.Runtime.ReminderCount.Should().Be(0);
    }

    private Task<int> CountAsync(string target) => _host.Grains.GetGrain<ICountingTargetGrain>(target).CountAsync();
}
