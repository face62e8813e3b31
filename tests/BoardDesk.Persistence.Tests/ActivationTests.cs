using BoardDesk.Grains;
using BoardDesk.Persistence.Tests.TestGrains;
using BoardDesk.Testing;

namespace BoardDesk.Persistence.Tests;

public sealed class ActivationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldCreateOneActivation_WhenHundredsOfCallersCallANewGrainAtOnce()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var key = Guid.NewGuid().ToString("N");
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 400).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await host.Grains.GetGrain<ICounterGrain>(key).AddAsync(1);
        })).ToList();
        start.Set();
        var versions = await Task.WhenAll(calls);

        CounterGrain.Activations[key].Should().Be(1);
        versions.Should().OnlyHaveUniqueItems().And.HaveCount(400);
        (await host.ActivationCountAsync(nameof(CounterGrain))).Should().Be(1);
    }

    [Fact]
    public async Task ShouldLoadStateBeforeTheFirstCall_WhenAGrainIsActivatedAgain()
    {
        var key = Guid.NewGuid().ToString("N");
        await using (var first = await RuntimeFixture.StartAsync(_folder))
        {
            await first.Grains.GetGrain<ICounterGrain>(key).AddAsync(5);
            await first.Grains.GetGrain<ICounterGrain>(key).AddAsync(7);
        }

        await using var second = await RuntimeFixture.StartAsync(_folder);
        var view = await second.Grains.GetGrain<ICounterGrain>(key).GetAsync();

        view.Total.Should().Be(12);
        view.Version.Should().Be(2);
    }

    [Fact]
    public async Task ShouldRestoreTheSameState_WhenAnIdleGrainIsDeactivatedAndCalledAgain()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder, o => o.SnapshotInterval = 10);
        var key = Guid.NewGuid().ToString("N");
        var grain = host.Grains.GetGrain<ICounterGrain>(key);
        await grain.AddManyAsync(25);
        await grain.AddAsync(100);
        var before = await grain.GetAsync();

        await CollectEverythingAsync(host);
        var after = await grain.GetAsync();

        after.Total.Should().Be(before.Total).And.Be(125);
        after.Version.Should().Be(26);
        CounterGrain.Activations[key].Should().Be(2);
    }

    [Fact]
    public async Task ShouldDeactivateIdleGrains_WhenTheyAreUnusedForTheIdleTimeout()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder, o =>
        {
            o.IdleTimeout = TimeSpan.FromSeconds(2);
            o.CollectionInterval = TimeSpan.FromSeconds(1);
        });
        for (var i = 0; i < 20; i++)
        {
            await host.Grains.GetGrain<ICounterGrain>($"idle-{i}-{Guid.NewGuid():N}").AddAsync(1);
        }

        (await host.ActivationCountAsync(nameof(CounterGrain))).Should().Be(20);
        await WaitUntilAsync(() => host.ActivationCountAsync(nameof(CounterGrain)).Result == 0, seconds: 30);
        (await host.ActivationCountAsync(nameof(CounterGrain))).Should().Be(0, "Orleans collected them after the idle timeout");
    }

    internal static async Task CollectEverythingAsync(GrainHost host)
    {
        await host.CollectAllAsync();
        await WaitUntilAsync(() => host.ActivationCountAsync(nameof(CounterGrain)).Result == 0);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold within {seconds} seconds.");
            }

            await Task.Delay(20);
        }
    }
}
