using BoardDesk.Actions;
using BoardDesk.Decisions;
using BoardDesk.Operations;
using BoardDesk.Organisations;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.Sqlite;
using BoardDesk.Testing;
using Microsoft.Data.Sqlite;
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
        _host = await StartHostAsync();
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
    public async Task ShouldStopWithTheReasonAndNotRetry_WhenAnOrganisationRefusesACarriedDecisionsEffect()
    {
        var organisations = _host.Grains;
        await organisations.GetGrain<IOrganisationGrain>("academy-host").CreateAsync(new CreateOrganisation("Academy host", OrganisationKind.Programme, null, ["Leadership academy"]));
        await organisations.GetGrain<IOrganisationGrain>("first-taker").CreateAsync(new CreateOrganisation("First taker", OrganisationKind.Programme));
        await organisations.GetGrain<IOrganisationGrain>("second-taker").CreateAsync(new CreateOrganisation("Second taker", OrganisationKind.Programme));
        var decision = _host.Grains.GetGrain<IDecisionGrain>("stale");
        await decision.ProposeAsync("ldib", new ProposeDecision
        {
            Motion = "The leadership academy moves to the first taker.",
            ClosesAt = Now.AddDays(7),
            Method = DecisionMethod.SimpleMajority,
            Ballot = BallotKind.Named,
            Unit = VotingUnit.Representative,
            Effects =
            [
                new TransferFunctionEffect { Function = "Leadership academy", FromId = "academy-host", ToId = "first-taker", EffectiveOn = new DateOnly(2016, 4, 1) },
                new CreateActionEffect { Description = "Tell the academy's staff.", Owner = new ActionOwner("ldib-lead", "nhs-england"), DueOn = new DateOnly(2016, 4, 1) },
            ],
        });
        await decision.OpenAsync();
        // While the vote is open, the function moves somewhere else: the decision's effect can no longer be applied.
        await organisations.GetGrain<IOrganisationChangeGrain>("academy-elsewhere").TransferFunctionAsync(new TransferFunction("Leadership academy", "academy-host", "second-taker", new DateOnly(2016, 3, 1)));
        await CastAllAsync(decision, "FFFF--");

        var closed = await decision.CloseAsync(new CloseVoting());

        closed.Outcome.Should().Be(DecisionOutcome.Carried, "the vote stands whatever happens to its effects");
        closed.EffectsCompleted.Should().BeFalse();
        closed.AppliedEffectIds.Should().BeEmpty();
        closed.LastEffectFailure.Should().NotBeNull();
        closed.LastEffectFailure!.EffectId.Should().Be("stale/1");
        closed.LastEffectFailure.NextAttemptAt.Should().BeNull("a refusal is not retried");
        closed.LastEffectFailure.Reason.Should().Be("Academy host does not host the function 'Leadership academy'.");
        closed.EffectsProgress.Should().StartWith("Stopped: effect stale/1 was refused at 2015-11-02 09:00:00 UTC (Academy host does not host the function 'Leadership academy'.)");
        (await GrainQueries.ExistsAsync(() => _host.Grains.GetGrain<IActionItemGrain>("stale-2").GetAsync())).Should().BeFalse("nothing after the refused effect is applied");

        await RestartAsync();

        (await _host.Grains.GetGrain<IDecisionGrain>("stale").GetAsync()).LastEffectFailure.Should().Be(closed.LastEffectFailure, "the failure is journaled");
        (await _host.Grains.GetGrain<IOrganisationGrain>("second-taker").GetAsync()).Functions.Should().ContainSingle();
        (await _host.Grains.GetGrain<IOrganisationGrain>("first-taker").GetAsync()).Functions.Should().BeEmpty();
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
    public async Task ShouldCountEverySecretBallot_WhenTheRuntimeRestartsBeforeTheVoteCloses()
    {
        var decision = await OpenAsync("restarted", DecisionMethod.SimpleMajority, BallotKind.Secret);
        await CastAllAsync(decision, "FFAN");

        await RestartAsync();
        decision = _host.Grains.GetGrain<IDecisionGrain>("restarted");
        (await decision.GetAsync()).Voted.Should().HaveCount(4, "the roll is durable");
        await CastAllAsync(decision, "----FA");
        await RestartAsync();
        decision = _host.Grains.GetGrain<IDecisionGrain>("restarted");

        var closed = await decision.CloseAsync(new CloseVoting());

        closed.Count.Should().Be(new VoteCount(3, 2, 1), "every acknowledged ballot was stored with its roll entry");
        closed.LostSecretBallots.Should().Be(0);
        closed.Outcome.Should().Be(DecisionOutcome.Carried);
        (await _host.Store.CountSealedAsync(new JournalId("decision", "restarted"))).Should().BeEmpty("the box is emptied in the commit that stores the counts");
    }

    [Fact]
    public async Task ShouldRefuseAChangedSecretBallotAndChangeNothing_WhenTheHolderHasVotedAlready()
    {
        var decision = await OpenAsync("final", DecisionMethod.SimpleMajority, BallotKind.Secret);
        await CastAllAsync(decision, "FA");
        var before = await decision.GetAsync();

        var change = () => decision.CastBallotAsync(new CastBallot(Representatives[0], VoteChoice.Against));
        var again = () => decision.CastBallotAsync(new CastBallot(Representatives[1], VoteChoice.Against));

        (await change.Should().ThrowAsync<RuleViolationException>()).Which.Message.Should().Contain("cannot be changed once cast").And.Contain(Representatives[0]);
        await again.Should().ThrowAsync<RuleViolationException>("a secret ballot is refused a second time even with the same choice");
        var after = await decision.GetAsync();
        after.Version.Should().Be(before.Version);
        after.Voted.Should().Equal(before.Voted);
        (await decision.GetHistoryAsync()).Should().HaveCount((int)before.Version);
        (await _host.Store.CountSealedAsync(new JournalId("decision", "final"))).Should().BeEquivalentTo(new Dictionary<string, int> { ["For"] = 1, ["Against"] = 1 });
        await CastAllAsync(decision, "--FF");
        (await decision.CloseAsync(new CloseVoting())).Count.Should().Be(new VoteCount(3, 1, 0));
    }

    [Fact]
    public async Task ShouldCountTheLatestNamedBallot_WhenAHolderChangesTheirVote()
    {
        var decision = await OpenAsync("named", DecisionMethod.SimpleMajority, BallotKind.Named);
        await CastAllAsync(decision, "FFFA");

        await decision.CastBallotAsync(new CastBallot(Representatives[0], VoteChoice.Against));
        await decision.CastBallotAsync(new CastBallot(Representatives[1], VoteChoice.Abstain));
        var closed = await decision.CloseAsync(new CloseVoting());

        closed.Count.Should().Be(new VoteCount(1, 2, 1));
        closed.Ballots.Should().Contain(new NamedBallot(Representatives[0], Representatives[0], VoteChoice.Against));
    }

    [Fact]
    public async Task ShouldJournalTheBallotOnce_WhenAVoterResendsTheSameNamedBallot()
    {
        var decision = await OpenAsync("resent", DecisionMethod.SimpleMajority, BallotKind.Named);
        await decision.CastBallotAsync(new CastBallot(Representatives[0], VoteChoice.For));

        var resent = await decision.CastBallotAsync(new CastBallot(Representatives[0].ToUpperInvariant(), VoteChoice.For));
        await decision.CastBallotAsync(new CastBallot(Representatives[1], VoteChoice.Against));
        await decision.CastBallotAsync(new CastBallot(Representatives[1], VoteChoice.Against));
        await decision.CastBallotAsync(new CastBallot(Representatives[1], VoteChoice.For));

        resent.Ballots.Should().ContainSingle().Which.Should().Be(new NamedBallot(Representatives[0], Representatives[0], VoteChoice.For));
        var history = await _host.ReadHistoryAsync(new JournalId("decision", "resent"));
        history.Select(e => e.Event).OfType<DecisionBallotCast>().Should().Equal(
            new DecisionBallotCast(Representatives[0], Representatives[0], VoteChoice.For),
            new DecisionBallotCast(Representatives[1], Representatives[1], VoteChoice.Against),
            new DecisionBallotCast(Representatives[1], Representatives[1], VoteChoice.For));
        (await decision.CloseAsync(new CloseVoting())).Count.Should().Be(new VoteCount(2, 0, 0));
    }

    [Fact]
    public async Task ShouldStoreNoRowThatJoinsAHolderToAChoice_WhenSecretBallotsAreCastAndCounted()
    {
        var decision = await OpenAsync("unjoinable", DecisionMethod.SimpleMajority, BallotKind.Secret);
        await CastAllAsync(decision, "FAFNAF");
        var open = await StoredRowsAsync();
        await RestartAsync();
        await _host.Grains.GetGrain<IDecisionGrain>("unjoinable").CloseAsync(new CloseVoting());
        var closed = await StoredRowsAsync();

        foreach (var row in open.Concat(closed))
        {
            if (Representatives.Any(r => row.Contains(r, StringComparison.Ordinal)))
            {
                row.Should().NotMatchRegex(@"\b(For|Against|Abstain)\b", "no stored row holds a holder next to a choice");
            }
        }

        open.Where(r => r.StartsWith("sealed ", StringComparison.Ordinal)).Select(r => r.Split(' ')[^1])
            .Should().HaveCount(6, "the box holds the six choices and nothing else")
            .And.OnlyContain(value => !value.Contains("For", StringComparison.Ordinal) && !value.Contains("Against", StringComparison.Ordinal) && !value.Contains("Abstain", StringComparison.Ordinal),
                "each choice is stored encrypted under the decision's key, which is not in the file");
        closed.Should().NotContain(r => r.StartsWith("sealed ", StringComparison.Ordinal), "the box is emptied at close");
        closed.Should().ContainSingle(r => r.Contains("DecisionVotingClosed", StringComparison.Ordinal))
            .Which.Should().Contain("\"for\":3").And.Contain("\"against\":2").And.Contain("\"abstain\":1");
        (await _host.Store.VerifyAsync()).Intact.Should().BeTrue("the box is outside the hash chain");
    }

    [Fact]
    public async Task ShouldReportOldInMemoryBallotsAsLostAndLetThemVoteAgain_WhenTheJournalPredatesTheSealedBox()
    {
        var decision = await OpenAsync("upgraded", DecisionMethod.SimpleMajority, BallotKind.Secret);
        var version = (await decision.GetAsync()).Version;
        await _host.DisposeAsync();
        // A journal written by the version that held choices in memory: roll entries without a sealed choice.
        var store = new SqliteJournalStore(new SqliteStoreOptions { DatabasePath = _folder.File("grains.db") });
        await store.InitializeAsync();
        var old = Representatives.Take(3).Select(unit => new NewEvent("DecisionSecretVoteRecorded", $$"""{"unit":"{{unit}}"}""", Now, "ldib-member")).ToList();
        (await store.CommitAsync(new JournalCommit(new JournalId("decision", "upgraded"), version, old))).Committed.Should().BeTrue();
        await store.DisposeAsync();
        _host = await StartHostAsync();
        decision = _host.Grains.GetGrain<IDecisionGrain>("upgraded");

        (await decision.GetAsync()).Voted.Should().HaveCount(3, "old journals replay");
        await decision.CastBallotAsync(new CastBallot(Representatives[0], VoteChoice.For));
        await CastAllAsync(decision, "---FFA");
        var closed = await decision.CloseAsync(new CloseVoting());

        closed.LostSecretBallots.Should().Be(2, "two choices were held in memory by the old version and not cast again");
        closed.Count.Should().Be(new VoteCount(3, 1, 0));
    }

    private async Task RestartAsync()
    {
        await _host.DisposeAsync();
        _host = await StartHostAsync();
    }

    private Task<GrainHost> StartHostAsync() =>
        GrainHost.StartAsync(_folder.File("grains.db"), services: s => s
            .AddKeyedSingleton<TimeProvider>(BoardDeskClock.Key, _clock)
            .AddOptions<OperationOptions>());

    /// <summary>Casts one ballot per representative, in order: F for, A against, N abstain, - none.</summary>
    private static async Task CastAllAsync(IDecisionGrain decision, string votes)
    {
        for (var i = 0; i < votes.Length; i++)
        {
            if (votes[i] != '-')
            {
                await decision.CastBallotAsync(new CastBallot(Representatives[i], votes[i] switch { 'F' => VoteChoice.For, 'A' => VoteChoice.Against, _ => VoteChoice.Abstain }));
            }
        }
    }

    /// <summary>Every row of every table in the database file, as text: its table's name, then each column.</summary>
    private async Task<List<string>> StoredRowsAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _folder.File("grains.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Should().Contain(["events", "snapshots", "documents", "orleans_reminders", "sealed"]);
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var columns = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
                {
                    byte[] bytes => Convert.ToHexString(bytes),
                    var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                });
                rows.Add($"{table} {string.Join(' ', columns)}");
            }
        }

        return rows;
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
