using System.Diagnostics;
using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Tests.TestGrains;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Persistence.Tests;

/// <summary>What callers hear when the store fails, is slow, or a silo dies under them.</summary>
public sealed class FailureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldBackOffAndAnswerStoreUnavailableWithinSeconds_WhenTheStoreKeepsFailing()
    {
        var store = new InterceptingStore(_folder.File("journal.db"))
        {
            Commit = (_, _) => Task.FromException<CommitResult>(new IOException("disk I/O error")),
        };
        await using var host = await GrainHost.StartAsync(_folder.File("journal.db"), null, s => s.AddSingleton<IJournalStore>(store), typeof(CounterGrain).Assembly);
        var grain = host.Grains.GetGrain<ICounterGrain>("failing");
        var clock = Stopwatch.StartNew();

        var add = () => grain.AddAsync(1);

        (await add.Should().ThrowAsync<StoreUnavailableException>()).Which.Message.Should().Contain("nothing was changed");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "a failing store is tried a few times, not for the whole response timeout");
        store.CommitAttempts.Should().Be(1 + new RuntimeOptions().StoreRetryAttempts, "each retry waits longer; there is no tight loop");
        (await grain.GetAsync()).Total.Should().Be(0, "the activation keeps the state of before the call");

        for (var i = 0; i < 4; i++)
        {
            await add.Should().ThrowAsync<StoreUnavailableException>();
        }

        var attemptsBefore = store.CommitAttempts;
        clock.Restart();
        await add.Should().ThrowAsync<StoreUnavailableException>();
        store.CommitAttempts.Should().Be(attemptsBefore, "once the store has failed repeatedly, callers are answered at once without touching it");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ShouldStoreTheCommandOnce_WhenTheCallerTimesOutAndRetriesWhileTheCommitIsSlow()
    {
        var slow = true;
        var store = new InterceptingStore(_folder.File("journal.db"));
        store.Commit = async (_, write) =>
        {
            if (Volatile.Read(ref slow))
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
            }

            return await write();
        };
        await using var host = await GrainHost.StartAsync(new GrainHostOptions(_folder.File("journal.db"))
        {
            GrainAssemblies = [typeof(CounterGrain).Assembly],
            Services = s => s.AddSingleton<IJournalStore>(store),
            ClientResponseTimeout = TimeSpan.FromSeconds(1),
        });
        var grain = host.Grains.GetGrain<ICommandLogGrain>("ballots");

        var first = () => grain.RecordAsync("ballot-of-monitor");
        await first.Should().ThrowAsync<TimeoutException>("the caller gave up, but a timeout does not mean the command was not stored");
        Volatile.Write(ref slow, false);
        var recorded = await RetryAsync(() => grain.RecordAsync("ballot-of-monitor"));

        recorded.Should().Be(1);
        var journal = await host.Store.ReadEventsAsync(new JournalId("command-log", "ballots"));
        journal.Should().ContainSingle("the retried command was recognised by its id and not stored twice");
    }

    [Fact]
    public async Task ShouldKeepEveryAcknowledgedCommandExactlyOnce_WhenASiloIsKilledDuringConcurrentCommands()
    {
        await using var host = await GrainHost.StartAsync(new GrainHostOptions(_folder.File("cluster.db"))
        {
            Silos = 2,
            GrainAssemblies = [typeof(CounterGrain).Assembly],
            ClientResponseTimeout = TimeSpan.FromSeconds(5),
        });
        const int Grains = 32;
        const int CommandsPerGrain = 40;
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<(string Grain, string Command)>();
        var killed = new TaskCompletionSource();
        var failuresRetried = 0;

        var workers = Enumerable.Range(0, Grains).Select(g => Task.Run(async () =>
        {
            var key = $"log-{g}";
            for (var c = 0; c < CommandsPerGrain; c++)
            {
                var command = $"{key}/command-{c}";
                await RetryAsync(() => host.Grains.GetGrain<ICommandLogGrain>(key).RecordAsync(command), () => Interlocked.Increment(ref failuresRetried));
                acknowledged.Add((key, command));
                if (acknowledged.Count == Grains * CommandsPerGrain / 3)
                {
                    killed.TrySetResult();
                }
            }
        })).ToList();

        await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var victim = host.Cluster.Silos.Last();
        await host.Cluster.KillSiloAsync(victim);
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(120));

        acknowledged.Should().HaveCount(Grains * CommandsPerGrain);
        for (var g = 0; g < Grains; g++)
        {
            var journal = await host.Store.ReadEventsAsync(new JournalId("command-log", $"log-{g}"));
            var commands = journal.Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("commandId").GetString()).ToList();
            commands.Should().OnlyHaveUniqueItems($"log-{g} stores no command twice").And.HaveCount(CommandsPerGrain, "every acknowledged command is kept");
            journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, CommandsPerGrain).Select(i => (long)i));
        }

        (await host.Store.VerifyAsync()).Intact.Should().BeTrue();
    }

    /// <summary>Retries a call that failed because of a timeout or a silo going away, as a client should with an idempotent command.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call, Action? onRetry = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (DateTime.UtcNow < deadline && error is TimeoutException or Orleans.Runtime.OrleansMessageRejectionException or Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansException or StoreUnavailableException)
            {
                onRetry?.Invoke();
                await Task.Delay(200);
            }
        }
    }
}
