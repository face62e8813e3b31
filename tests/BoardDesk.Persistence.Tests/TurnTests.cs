using Microsoft.Extensions.DependencyInjection;
using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Tests.TestGrains;
using BoardDesk.Testing;

namespace BoardDesk.Persistence.Tests;

public sealed class TurnTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldAppendExactlyOneThousandEventsInOrder_When1000CommandsArriveFrom50Tasks()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var key = Guid.NewGuid().ToString("N");
        using var start = new ManualResetEventSlim();

        var tasks = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var versions = new List<long>();
            for (var i = 0; i < 20; i++)
            {
                versions.Add(await host.Grains.GetGrain<ICounterGrain>(key).AddAsync(1));
            }

            return versions;
        })).ToList();
        start.Set();
        var acknowledged = (await Task.WhenAll(tasks)).SelectMany(v => v).ToList();

        var view = await host.Grains.GetGrain<ICounterGrain>(key).GetAsync();
        var journal = await host.Store.ReadEventsAsync(new JournalId("counter", key));
        acknowledged.Should().BeEquivalentTo(Enumerable.Range(1, 1000).Select(i => (long)i), "every call saw its own new version");
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 1000).Select(i => (long)i));
        view.Total.Should().Be(1000);
        view.MostCallsAtOnce.Should().Be(1, "calls to one grain never interleave, even across awaits");
        (await host.Store.VerifyAsync()).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task ShouldRunDifferentGrainsInParallel_WhenEachBlocksItsThread()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        PingGrain.ResetRendezvous();
        var grains = Math.Max(2, Environment.ProcessorCount);

        var met = await Task.WhenAll(Enumerable.Range(0, grains).Select(i =>
            Task.Run(() => host.Grains.GetGrain<IPingGrain>($"rendezvous-{i}").RendezvousAsync(grains))));

        met.Should().AllBeEquivalentTo(true, "each grain blocked its own thread until all of them were running at the same time");
    }

    [Fact]
    public async Task ShouldLeaveStoredAndInMemoryStateUnchanged_WhenACallThrows()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var key = Guid.NewGuid().ToString("N");
        var grain = host.Grains.GetGrain<ICounterGrain>(key);
        await grain.AddAsync(10);

        var failing = () => grain.AddThenFailAsync(5);

        await failing.Should().ThrowAsync<InvalidOperationException>().WithMessage("The command failed after raising an event.");
        (await grain.GetAsync()).Should().Be(new CounterView(10, 1, 1));
        (await host.Store.ReadEventsAsync(new JournalId("counter", key))).Should().HaveCount(1);
        await ActivationTests.CollectEverythingAsync(host);
        (await grain.GetAsync()).Total.Should().Be(10);
        (await grain.AddAsync(1)).Should().Be(2, "the grain goes on from the state before the failed call");
    }

    [Fact]
    public async Task ShouldRunTheCall_WhenExecutionContextFlowIsSuppressed()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var grain = host.Grains.GetGrain<ICounterGrain>(Guid.NewGuid().ToString("N"));
        await grain.AddAsync(1);

        Task<long> suppressed;
        using (ExecutionContext.SuppressFlow())
        {
            suppressed = grain.AddAsync(1);
        }

        (await suppressed.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(2);
        (await grain.AddAsync(1).WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(3, "the grain is free for the next call");
    }

    [Fact]
    public async Task ShouldFreeTheGrainAndKeepItsState_WhenAMethodThrowsBeforeReturningATask()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var organisationLike = host.Grains.GetGrain<ICounterGrain>(Guid.NewGuid().ToString("N"));
        await organisationLike.AddAsync(4);

        var refused = () => organisationLike.RefuseAsync();

        await refused.Should().ThrowAsync<BoardDesk.Grains.RuleViolationException>();
        (await organisationLike.AddAsync(1).WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(2);
        (await organisationLike.GetAsync()).Total.Should().Be(5);
    }

    [Fact]
    public async Task ShouldFailWithinTheResponseTimeoutAndFreeTheGrains_WhenAGrainCallsBackIntoItsCaller()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder, o => o.ResponseTimeout = TimeSpan.FromSeconds(2));
        var a = host.Grains.GetGrain<IPingGrain>("a");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var cycle = () => a.ForwardAsync(["b", "c", "a"]);

        (await cycle.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("Response did not arrive on time");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(9), "Orleans does not detect the cycle, but the short response timeout ends it");
        (await a.ForwardAsync(["b", "c"])).Should().Be("a,b,c", "the grains on the cycle are free again");
    }

    [Fact]
    public async Task ShouldAnswerAtOnce_WhenACallBackIsAllowedByCallChainReentrancy()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder, o => o.ResponseTimeout = TimeSpan.FromSeconds(2));

        var answer = await host.Grains.GetGrain<IPingGrain>("x").ForwardAllowingCallBackAsync(["y", "x"]).WaitAsync(TimeSpan.FromSeconds(5));

        answer.Should().Be("x,y,x");
    }

    [Fact]
    public async Task ShouldReloadAndRunTheCommandAgain_WhenAnotherWriterMovedTheJournalOn()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var key = Guid.NewGuid().ToString("N");
        var grain = host.Grains.GetGrain<ICounterGrain>(key);
        await grain.AddAsync(1);
        var id = new JournalId("counter", key);
        // Another process appends behind this activation's back.
        var external = await host.Store.CommitAsync(new JournalCommit(id, 1, [new NewEvent("test.CounterAdded", """{"amount":100}""", DateTimeOffset.UtcNow, "other")]));
        external.Committed.Should().BeTrue();

        var version = await grain.AddAsync(1);

        version.Should().Be(3);
        (await grain.GetAsync()).Total.Should().Be(102);
    }

    [Fact]
    public async Task ShouldReportAConflictAndWriteNothing_WhenTheJournalKeepsMoving()
    {
        var key = Guid.NewGuid().ToString("N");
        await using var host = await GrainHost.StartAsync(
            _folder.File("journal.db"),
            null,
            services => services.AddSingleton<IJournalStore>(InterceptingStore.AlwaysMoving(_folder.File("journal.db"))),
            typeof(CounterGrain).Assembly);

        var add = () => host.Grains.GetGrain<ICounterGrain>(key).AddAsync(1);

        await add.Should().ThrowAsync<JournalConflictException>();
        (await host.Grains.GetGrain<ICounterGrain>(key).GetAsync()).Total.Should().Be(0);
    }
}
