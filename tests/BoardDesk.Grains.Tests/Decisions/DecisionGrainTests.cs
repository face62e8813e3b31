using BoardDesk.Actions;
using BoardDesk.Decisions;
using BoardDesk.Operations;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Grains.Tests.Decisions;

/// <summary>The decision grain's counting rules, by written procedure to the LDIB's six voting organisations.</summary>
public sealed class DecisionGrainTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2015, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Representatives =
    [
        "NHS England representative", "NHS Trust Development Authority representative", "Monitor representative",
        "Health Education England representative", "Public Health England representative", "Care Quality Commission representative",
    ];

    private readonly TemporaryFolder _folder = new();
    private readonly ManualClock _clock = new(Now);
    private GrainHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await GrainHost.StartAsync(_folder.File("grains.db"), services: s => s
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<SealedBallotBox>()
            .AddOptions<OperationOptions>());
        await LdibSamples.CreateBoardsAsync(_host.Grains);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(DecisionMethod.TwoThirds, "FFFFAA", DecisionOutcome.Carried)]
    [InlineData(DecisionMethod.TwoThirds, "FFFAA-", DecisionOutcome.NotCarried)]
    [InlineData(DecisionMethod.TwoThirds, "FFAN--", DecisionOutcome.Carried)]
    [InlineData(DecisionMethod.Unanimity, "FFFFFN", DecisionOutcome.Carried)]
    [InlineData(DecisionMethod.Unanimity, "FFFFFA", DecisionOutcome.NotCarried)]
    [InlineData(DecisionMethod.SimpleMajority, "FFAA--", DecisionOutcome.Tied)]
    [InlineData(DecisionMethod.SimpleMajority, "FFAAA-", DecisionOutcome.NotCarried)]
    [InlineData(DecisionMethod.SimpleMajority, "FFF---", DecisionOutcome.Inquorate)]
    public async Task ShouldComputeTheOutcome_WhenVotingCloses(DecisionMethod method, string votes, DecisionOutcome expected)
    {
        var decision = await OpenAsync("vote", method, BallotKind.Named);
        for (var i = 0; i < votes.Length; i++)
        {
            if (votes[i] != '-')
            {
                await decision.CastBallotAsync(new CastBallot(Representatives[i], votes[i] switch { 'F' => VoteChoice.For, 'A' => VoteChoice.Against, _ => VoteChoice.Abstain }));
            }
        }

        var closed = await decision.CloseAsync(new CloseVoting());

        closed.Outcome.Should().Be(expected);
        var carried = DecisionState.IsCarried(expected);
        closed.EffectsCompleted.Should().Be(carried, "a decision not carried applies nothing");
        (await GrainQueries.ExistsAsync(() => _host.Grains.GetGrain<IActionItemGrain>("vote-1").GetAsync())).Should().Be(carried);
    }

    [Fact]
    public async Task ShouldCreateTheActionOnce_WhenACarriedDecisionsEffectsAreApplied()
    {
        var decision = await OpenAsync("carried", DecisionMethod.SimpleMajority, BallotKind.Secret);
        foreach (var representative in Representatives.Take(4))
        {
            await decision.CastBallotAsync(new CastBallot(representative, VoteChoice.For));
        }

        var closed = await decision.CloseAsync(new CloseVoting());

        closed.Outcome.Should().Be(DecisionOutcome.Carried);
        closed.Count.Should().Be(new VoteCount(4, 0, 0));
        closed.EffectsCompleted.Should().BeTrue();
        var action = await _host.Grains.GetGrain<IActionItemGrain>("carried-1").GetAsync();
        action.Source.Should().Be(new ActionSource(ActionSourceKind.Decision, "carried"));
        await _host.Grains.GetGrain<IActionItemGrain>("carried-1").CreateFromEffectAsync("carried/1", new CreateAction
        {
            BoardId = "ldib", Description = "again", Owner = action.Owner, DueOn = action.DueOn, Source = action.Source,
        });
        (await _host.Grains.GetGrain<IActionItemGrain>("carried-1").GetHistoryAsync()).Count(c => c.Change == "ActionCreated").Should().Be(1);
    }

    [Fact]
    public async Task ShouldRefuseBallotsAndTheCastingVoteMisuse_WhenTheRulesForbidThem()
    {
        var decision = await OpenAsync("rules", DecisionMethod.SimpleMajority, BallotKind.Named);

        await decision.Invoking(d => d.CastBallotAsync(new CastBallot("Department of Health representative", VoteChoice.For))).Should().ThrowAsync<RuleViolationException>().WithMessage("*not eligible*");
        await decision.Invoking(d => d.CloseAsync(new CloseVoting(CastingVote: VoteChoice.Abstain))).Should().ThrowAsync<ValidationException>();
        await decision.Invoking(d => d.CloseAsync(new CloseVoting(Consensus: true))).Should().ThrowAsync<ValidationException>();
        await decision.Invoking(d => d.OpenAsync()).Should().ThrowAsync<RuleViolationException>();
        (await decision.GetAsync()).Status.Should().Be(DecisionStatus.Open);
    }

    [Fact]
    public async Task ShouldReportSealedBallotsAsLostAndLetThemVoteAgain_WhenTheProcessRestartsBeforeASecretBallotCloses()
    {
        var decision = await OpenAsync("restarted", DecisionMethod.SimpleMajority, BallotKind.Secret);
        foreach (var representative in Representatives.Take(4))
        {
            await decision.CastBallotAsync(new CastBallot(representative, VoteChoice.Against));
        }

        await RestartAsync();
        decision = _host.Grains.GetGrain<IDecisionGrain>("restarted");
        (await decision.GetAsync()).Voted.Should().HaveCount(4, "the roll is durable");
        await decision.CastBallotAsync(new CastBallot(Representatives[0], VoteChoice.For));
        await decision.CastBallotAsync(new CastBallot(Representatives[4], VoteChoice.For));
        await decision.CastBallotAsync(new CastBallot(Representatives[5], VoteChoice.For));

        var closed = await decision.CloseAsync(new CloseVoting());

        closed.LostSecretBallots.Should().Be(3, "three sealed choices were lost with the process and not cast again");
        closed.Count.Should().Be(new VoteCount(3, 0, 0));
        closed.Outcome.Should().Be(DecisionOutcome.Carried);
    }

    private async Task RestartAsync()
    {
        await _host.DisposeAsync();
        _host = await GrainHost.StartAsync(_folder.File("grains.db"), services: s => s
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<SealedBallotBox>()
            .AddOptions<OperationOptions>());
    }

    private async Task<IDecisionGrain> OpenAsync(string id, DecisionMethod method, BallotKind ballot)
    {
        var decision = _host.Grains.GetGrain<IDecisionGrain>(id);
        await decision.ProposeAsync("ldib", new ProposeDecision
        {
            Motion = "The board agrees.",
            ClosesAt = Now.AddDays(7),
            Method = method,
            Ballot = ballot,
            Unit = VotingUnit.Representative,
            Effects = [new CreateActionEffect { Description = "Write to the members.", Owner = new ActionOwner("ldib-lead", "nhs-england"), DueOn = new DateOnly(2015, 12, 1) }],
        });
        await decision.OpenAsync();
        return decision;
    }
}
