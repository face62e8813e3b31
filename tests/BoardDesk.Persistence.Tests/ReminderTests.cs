using BoardDesk.Persistence.Tests.TestGrains;
using BoardDesk.Testing;

namespace BoardDesk.Persistence.Tests;

public sealed class ReminderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldFireOnceAndBeRemoved_WhenAOneOffReminderFallsDue()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var grain = host.Grains.GetGrain<IReminderGrain>("one-off");

        await grain.ScheduleAsync("deadline", DateTimeOffset.UtcNow.AddMilliseconds(300), null);
        await ActivationTests.WaitUntilAsync(() => grain.FiredAsync().Result.Count > 0);
        await Task.Delay(500);

        (await grain.FiredAsync()).Should().Equal("deadline");
        host.Runtime.ReminderCount.Should().Be(0);
        (await host.Store.LoadRemindersAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ShouldFireOnceAfterRestart_WhenTheReminderFellDueWhileTheServerWasDown()
    {
        await using (var first = await RuntimeFixture.StartAsync(_folder))
        {
            await first.Grains.GetGrain<IReminderGrain>("downtime").ScheduleAsync("vote-closes", DateTimeOffset.UtcNow.AddMilliseconds(500), null);
        }

        await Task.Delay(1000); // The reminder falls due while nothing runs.
        await using var second = await RuntimeFixture.StartAsync(_folder);
        var grain = second.Grains.GetGrain<IReminderGrain>("downtime");
        await ActivationTests.WaitUntilAsync(() => grain.FiredAsync().Result.Count > 0);
        await Task.Delay(500);

        (await grain.FiredAsync()).Should().Equal("vote-closes");
        (await second.Store.LoadRemindersAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ShouldFireAgainEachPeriod_UntilThePeriodicReminderIsRemoved()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var grain = host.Grains.GetGrain<IReminderGrain>("periodic");

        await grain.ScheduleAsync("chase", DateTimeOffset.UtcNow.AddMilliseconds(100), TimeSpan.FromSeconds(1));
        await ActivationTests.WaitUntilAsync(() => grain.FiredAsync().Result.Count >= 2);
        await grain.CancelAsync("chase");
        var fired = (await grain.FiredAsync()).Count;
        await Task.Delay(1500);

        (await grain.FiredAsync()).Should().HaveCount(fired, "a removed reminder does not fire again");
        host.Runtime.ReminderCount.Should().Be(0);
    }
}
