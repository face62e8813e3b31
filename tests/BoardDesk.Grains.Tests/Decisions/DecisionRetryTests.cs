using BoardDesk.Decisions;
using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Grains.Tests.Decisions;

/// <summary>
/// A timeout does not mean "not stored": a voter whose ballot timed out while the store was slow tries again, and the
/// ballot counts once.
/// </summary>
public sealed class DecisionRetryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2015, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan SlowCommit = TimeSpan.FromSeconds(8);
    private readonly TemporaryFolder _folder = new();
    private readonly ManualClock _clock = new(Now);
    private InterceptingStore _store = null!;
    private GrainHost _host = null!;
    private volatile bool _slow;

    public async Task InitializeAsync()
    {
        _store = new InterceptingStore(_folder.File("grains.db"));
        _store.Commit = async (_, write) =>
        {
            if (_slow)
            {
                await Task.Delay(SlowCommit);
            }

            return await write();
        };
        _host = await GrainHost.StartAsync(new GrainHostOptions(_folder.File("grains.db"))
        {
            Services = s => s.AddSingleton<IJournalStore>(_store).AddKeyedSingleton<TimeProvider>(BoardDeskClock.Key, _clock),
            // Long enough for the set-up calls on a loaded machine (opening a vote also hands its notice to the outbox), and
            // well short of the slow commit, so the ballot's call still times out.
            ClientResponseTimeout = TimeSpan.FromSeconds(3),
        });
        await LdibSamples.CreateBoardsAsync(_host.Grains);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(BallotKind.Secret)]
    [InlineData(BallotKind.Named)]
    public async Task ShouldCountTheBallotOnce_WhenTheVoterRetriesAfterATimeout(BallotKind ballot)
    {
        var decision = _host.Grains.GetGrain<IDecisionGrain>($"retry-{ballot}");
        await decision.ProposeAsync("ldib", new ProposeDecision
        {
            Motion = "The board agrees.",
            ClosesAt = Now.AddDays(7),
            Ballot = ballot,
            Unit = VotingUnit.Representative,
        });
        await decision.OpenAsync();
        var vote = new CastBallot("Monitor representative", VoteChoice.For);

        _slow = true;
        var first = () => decision.CastBallotAsync(vote);
        await first.Should().ThrowAsync<TimeoutException>();
        _slow = false;
        await Task.Delay(SlowCommit);
        try
        {
            await decision.CastBallotAsync(vote);
        }
        catch (DomainException refused) when (ballot == BallotKind.Secret)
        {
            // A secret ballot is final: the retry is refused because the first one was stored.
            refused.Message.Should().NotBeNullOrWhiteSpace();
        }

        var closed = await decision.CloseAsync(new CloseVoting());
        closed.Count.Should().Be(new VoteCount(1, 0, 0), "the ballot was stored by the call that timed out, and counted once");
        closed.Voted.Should().Equal("Monitor representative");
    }
}
