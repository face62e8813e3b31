using System.Text.Json;
using BoardDesk.Actions;
using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.PostgreSql;
using BoardDesk.Recommendations;
using BoardDesk.Testing;
using Npgsql;

namespace BoardDesk.Cluster.Tests;

/// <summary>
/// The register and the action log on PostgreSQL run in SQL on the documents' indexed columns: they answer as the
/// in-memory path of the embedded store does over the same documents, and show on one node what another committed.
/// </summary>
public sealed class RegisterAndActionLogSqlTests
{
    private static readonly DateOnly Today = new(2016, 3, 14);
    private static readonly string[] Boards = ["ldib", "ldib-finance", "ldib-quality"];
    private static readonly string[] People = ["alice", "Bob", "carol", "ALICE"];
    private static readonly string[] Leads = ["dh", "ntda", "monitor", "nhs-improvement", "hee", "unknown-body"];

    [PostgreSqlFact]
    public async Task ShouldAnswerAsTheInMemoryPath_WhenTheRegisterIsQueriedInSql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var store = await PostgreSqlStoreTests.OpenAsync(database);
        await SeedAsync(store);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var inMemory = new RecommendationRegister(new ReadModels(store), null!);
        var inSql = new RecommendationRegister(new ReadModels(store), null!, new PostgreSqlDocuments(dataSource));

        RegisterQuery[] queries =
        [
            new(),
            new() { Page = 3, PageSize = 20 },
            new() { ReviewId = "review-2" },
            new() { Response = GovernmentResponse.AcceptedInFull, Status = ImplementationStatus.InProgress },
            new() { Rag = RagRating.Red, PageSize = 7, Page = 2 },
            new() { Text = " safeguard " },
            new() { Text = "50%" },
            new() { Text = "data_" },
            new() { OwnerId = "nhs-improvement" },
            new() { OwnerId = "nhs-improvement", IncludeInherited = false },
            new() { OwnerId = "nhs-improvement", Status = ImplementationStatus.Complete, Page = 2, PageSize = 5 },
            new() { OwnerId = "unknown-body", ReviewId = "review-1" },
            new() { Page = 40, PageSize = 50 },
        ];
        foreach (var query in queries)
        {
            var expected = await inMemory.QueryAsync(query);
            var actual = await inSql.QueryAsync(query);
            actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), $"the query {query} answers the same");
        }

        (await inMemory.QueryAsync(new RegisterQuery { Text = "safeguard" })).Total.Should().BeGreaterThan(0, "the filters are exercised on matches");
        (await inMemory.QueryAsync(new RegisterQuery { OwnerId = "nhs-improvement" })).Items.Should().Contain(e => e.CurrentLeadOwner!.Inherited);
    }

    [PostgreSqlFact]
    public async Task ShouldListAndCountAPredecessorsWorkUnderItsSuccessor_WhenTheRegisterIsQueriedForInheritedWorkInSql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var store = await PostgreSqlStoreTests.OpenAsync(database);
        await SeedAsync(store);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var inMemory = new RecommendationRegister(new ReadModels(store), null!);
        var inSql = new RecommendationRegister(new ReadModels(store), null!, new PostgreSqlDocuments(dataSource));

        // ntda merged into nhs-improvement: all its work moves. monitor moved regulation to nhs-improvement, then ceased
        // into hee: which of its work moves where depends on the function and the owners' date.
        foreach (var query in new RegisterQuery[]
        {
            new() { OwnerId = "nhs-improvement", PageSize = 500 },
            new() { OwnerId = "hee", PageSize = 500 },
            new() { OwnerId = "ntda", PageSize = 500 },
            new() { OwnerId = "nhs-improvement", Response = GovernmentResponse.AcceptedInFull, Page = 2, PageSize = 3 },
        })
        {
            var expected = await inMemory.QueryAsync(query);
            var actual = await inSql.QueryAsync(query);
            actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), $"the query {query} answers the same");
        }

        var all = await inSql.QueryAsync(new RegisterQuery { PageSize = 500 });
        var merged = all.Items.Where(e => e.Recommendation.LeadOwner?.OrganisationId is "ntda" or "nhs-improvement").ToList();
        var inherited = await inSql.QueryAsync(new RegisterQuery { OwnerId = "nhs-improvement", PageSize = 500 });
        inherited.Items.Select(e => e.Recommendation.Id).Should().Contain(merged.Select(e => e.Recommendation.Id), "the merged body's work is the successor's");
        inherited.Items.Should().Contain(e => e.Recommendation.LeadOwner!.OrganisationId == "ntda" && e.CurrentLeadOwner!.OrganisationId == "nhs-improvement" && e.CurrentLeadOwner.Inherited);
        inherited.Items.Should().Contain(e => e.Recommendation.LeadOwner!.OrganisationId == "monitor", "regulation work moved from monitor");
        inherited.CountsByStatus.Values.Sum().Should().Be(inherited.Total).And.Be(inherited.Items.Count);
        inherited.CountsByStatus.Should().BeEquivalentTo(inherited.Items.GroupBy(e => e.Recommendation.Status.ToString()).ToDictionary(g => g.Key, g => g.Count()));
        (await inSql.QueryAsync(new RegisterQuery { OwnerId = "ntda" })).Total.Should().Be(0, "a merged body owns nothing now");
    }

    [PostgreSqlFact]
    public async Task ShouldAnswerAsTheInMemoryPath_WhenTheActionLogIsQueriedInSql()
    {
        await using var logs = await SeededActionLogs.StartAsync();
        var (inMemory, inSql) = (logs.InMemory, logs.InSql);

        ActionLogQuery[] queries =
        [
            new(),
            new() { Page = 2, PageSize = 50 },
            new() { BoardId = "ldib" },
            new() { Boards = new HashSet<string> { "ldib", "ldib-quality" }, Owner = "alice" },
            new() { Status = ActionStatus.Closed },
            new() { Overdue = true },
            new() { Overdue = false, Source = ActionSourceKind.Decision },
            new() { OrganisationId = "nhs-improvement" },
            new() { OrganisationId = "nhs-improvement", IncludeInherited = false },
            new() { OrganisationId = "hee", Status = ActionStatus.Open, PageSize = 5 },
            new() { Page = 60, PageSize = 50 },
        ];
        foreach (var query in queries)
        {
            var expected = await inMemory.QueryAsync(query);
            var actual = await inSql.QueryAsync(query);
            actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), $"the query {query} answers the same");
            (await inSql.MatchesAsync(query)).Should().BeEquivalentTo(await inMemory.MatchesAsync(query), o => o.WithStrictOrdering());
        }

        (await inMemory.QueryAsync(new ActionLogQuery { OrganisationId = "nhs-improvement" })).Entries.Should()
            .Contain(e => e.RecordedOrganisationId != "nhs-improvement", "inherited actions are exercised");
    }

    [PostgreSqlFact]
    public async Task ShouldAnswerAsTheInMemoryPath_WhenAPersonsActionsOwnersAndNotificationsAreAskedInSql()
    {
        await using var logs = await SeededActionLogs.StartAsync();
        var (inMemory, inSql) = (logs.InMemory, logs.InSql);
        var all = await new ReadModels(logs.Store).AllAsync<ActionDetails>();

        foreach (var person in new[] { "alice", "Alice", "bob", "carol", "nobody" })
        {
            var own = await inSql.OwnedByAsync(person);
            own.Should().BeEquivalentTo(await inMemory.OwnedByAsync(person), o => o.WithStrictOrdering(), $"{person}'s actions are the same");
            own.Should().BeEquivalentTo(all.Where(a => string.Equals(a.Owner.Person, person, StringComparison.OrdinalIgnoreCase)), $"{person} owns those actions whatever the case");

            var notifications = await inSql.NotificationsAsync(person);
            notifications.Should().BeEquivalentTo(await inMemory.NotificationsAsync(person), o => o.WithStrictOrdering(), $"{person}'s notifications are the same");
            notifications.Should().BeEquivalentTo(all.SelectMany(a => a.Notifications).Where(n => string.Equals(n.Recipient, person, StringComparison.OrdinalIgnoreCase)));
            notifications.Should().BeInDescendingOrder(n => n.RaisedAt);
        }

        (await inSql.NotificationsAsync("alice")).Should().Contain(n => n.Recipient == "ALICE", "a recipient is matched ignoring case").And.HaveCountGreaterThan(10);
        (await inSql.OwnedByAsync("nobody")).Should().BeEmpty();

        foreach (var boards in new IReadOnlySet<string>[] { new HashSet<string>(Boards), new HashSet<string> { "ldib-quality" }, new HashSet<string> { "ldib", "no-such-board" }, new HashSet<string>() })
        {
            var owners = await inSql.OwnersAsync(boards);
            owners.Should().BeEquivalentTo(await inMemory.OwnersAsync(boards), $"the owners on {string.Join(", ", boards)} are the same");
            owners.Should().BeEquivalentTo(all.Where(a => boards.Contains(a.BoardId)).Select(a => a.Owner.Person.ToLowerInvariant()).Distinct().Select(p => p == "alice" ? "ALICE" : p == "bob" ? "Bob" : p),
                "one spelling per person ignoring case, the first in code-point order");
        }
    }

    [PostgreSqlFact]
    public async Task ShouldShowAnotherNodesAcknowledgedChange_WhenTheNextQueryComesToThisNode()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var nodeA = await PostgreSqlStoreTests.OpenAsync(database);
        await using var nodeB = await PostgreSqlStoreTests.OpenAsync(database);
        await SeedAsync(nodeA);
        await using var nodeBDatabase = NpgsqlDataSource.Create(database.ConnectionString);
        var log = new ActionLog(new ReadModels(nodeB), new FixedClock(Today), new PostgreSqlDocuments(nodeBDatabase));
        var register = new RecommendationRegister(new ReadModels(nodeB), null!, new PostgreSqlDocuments(nodeBDatabase));
        var before = await log.QueryAsync(new ActionLogQuery { Status = ActionStatus.Closed, PageSize = 500 });
        var action = JsonSerializer.Deserialize<ActionDetails>((await nodeA.LoadDocumentsAsync(nameof(ActionDetails)))["action-0007"], JournalJson.Options)!;
        var recommendation = JsonSerializer.Deserialize<RecommendationDetails>((await nodeA.LoadDocumentsAsync(nameof(RecommendationDetails)))["review-1/7"], JournalJson.Options)!;

        (await nodeA.CommitAsync(Commit(action with { Status = action.Status == ActionStatus.Closed ? ActionStatus.Open : ActionStatus.Closed }, 1))).Committed.Should().BeTrue();
        (await nodeA.CommitAsync(Commit(recommendation with { Text = "A new recommendation on whistleblowing" }, 1))).Committed.Should().BeTrue();

        var after = await log.QueryAsync(new ActionLogQuery { Status = ActionStatus.Closed, PageSize = 500 });
        after.Total.Should().Be(before.Total + (action.Status == ActionStatus.Closed ? -1 : 1));
        (await register.QueryAsync(new RegisterQuery { Text = "whistleblowing" })).Items.Should().ContainSingle()
            .Which.Recommendation.Id.Should().Be("review-1/7");

        // The organisations come in the action log's own round trip: a rename on node A names the rows on node B at once.
        var hee = JsonSerializer.Deserialize<OrganisationDetails>((await nodeA.LoadDocumentsAsync(nameof(OrganisationDetails)))["hee"], JournalJson.Options)!;
        (await nodeA.CommitAsync(Commit(hee with { Name = "Health Education England (renamed)" }, 1))).Committed.Should().BeTrue();
        var named = await log.QueryAsync(new ActionLogQuery { OrganisationId = "hee", IncludeInherited = false, PageSize = 500 });
        named.Entries.Should().NotBeEmpty().And.OnlyContain(e => e.OrganisationName == "Health Education England (renamed)");
        (await log.QueryAsync(new ActionLogQuery { OrganisationId = "hee", PageSize = 500 })).Entries.Should()
            .OnlyContain(e => e.OrganisationName == "Health Education England (renamed)", "the lineage read for inherited work is as fresh");
        (await register.QueryAsync(new RegisterQuery { OwnerId = "hee", IncludeInherited = false, PageSize = 500 })).Items.Should().NotBeEmpty()
            .And.OnlyContain(e => e.CurrentLeadOwner!.Name == "Health Education England (renamed)", "the register's page is named as freshly");
    }

    /// <summary>Organisations with a merger, a function transfer and a cessation; 300 recommendations; 400 actions.</summary>
    /// <summary>A seeded database with the action log on it twice: in memory, and in SQL.</summary>
    private sealed class SeededActionLogs : IAsyncDisposable
    {
        private PostgreSqlDatabase _database = null!;
        private NpgsqlDataSource _dataSource = null!;

        public PostgreSqlJournalStore Store { get; private set; } = null!;

        public ActionLog InMemory { get; private set; } = null!;

        public ActionLog InSql { get; private set; } = null!;

        public static async Task<SeededActionLogs> StartAsync()
        {
            var logs = new SeededActionLogs { _database = await PostgreSqlDatabase.CreateAsync() };
            logs.Store = await PostgreSqlStoreTests.OpenAsync(logs._database);
            await SeedAsync(logs.Store);
            logs._dataSource = NpgsqlDataSource.Create(logs._database.ConnectionString);
            var clock = new FixedClock(Today);
            logs.InMemory = new ActionLog(new ReadModels(logs.Store), clock);
            logs.InSql = new ActionLog(new ReadModels(logs.Store), clock, new PostgreSqlDocuments(logs._dataSource));
            return logs;
        }

        public async ValueTask DisposeAsync()
        {
            await _dataSource.DisposeAsync();
            await Store.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    private static async Task SeedAsync(PostgreSqlJournalStore store)
    {
        var random = new Bogus.Randomizer(1415);
        OrganisationDetails[] organisations =
        [
            Organisation("dh", "Department of Health"),
            Organisation("ntda", "NHS Trust Development Authority", new OrganisationLink("nhs-improvement", LineageReason.Merger, new DateOnly(2016, 4, 1))),
            Organisation("monitor", "Monitor", new OrganisationLink("nhs-improvement", LineageReason.FunctionTransfer, new DateOnly(2015, 6, 1), "regulation"),
                new OrganisationLink("hee", LineageReason.Cessation, new DateOnly(2016, 1, 1))),
            Organisation("nhs-improvement", "NHS Improvement"),
            Organisation("hee", "Health Education England"),
        ];
        string[] words = ["safeguarding", "Safeguarding leads", "data_50% complete", "DATA_ sharing", "training", "governance"];
        var recommendations = Enumerable.Range(0, 300).Select(i => new RecommendationDetails
        {
            Id = $"review-{i % 3}/{i / 3 + 1}",
            ReviewId = $"review-{i % 3}",
            Number = i / 3 + 1,
            Text = $"Recommendation {i} on {random.ArrayElement(words)}",
            Heading = random.Bool(0.3f) ? random.ArrayElement(words) : null,
            Response = random.Bool(0.8f) ? random.Enum<GovernmentResponse>() : null,
            Status = random.Enum<ImplementationStatus>(),
            Rag = random.Bool(0.7f) ? random.Enum<RagRating>() : null,
            LeadOwner = random.Bool(0.9f) ? new OwnerRef(random.ArrayElement(Leads), random.Bool(0.3f) ? "regulation" : null) : null,
            OwnersSince = random.Bool(0.5f) ? new DateOnly(2015, 1, 1).AddDays(random.Number(0, 500)) : null,
        }).ToList();
        var actions = Enumerable.Range(0, 400).Select(i => new ActionDetails
        {
            Id = $"action-{i:0000}",
            BoardId = random.ArrayElement(Boards),
            Description = $"Action {i}",
            Owner = new ActionOwner(random.ArrayElement(People), random.ArrayElement(Leads)),
            // Few distinct dates, so that many actions share one and the id decides their order.
            DueOn = Today.AddDays(random.Number(-20, 40)),
            Source = new ActionSource(random.Enum<ActionSourceKind>(), $"ref-{i}"),
            Status = random.Enum<ActionStatus>(),
            Notes = random.Bool(0.5f) ? [new ActionNote(Today, $"Note {i}", "alice")] : [],
        }).Select((a, i) => a with
        {
            // As ActionItemGrain raises them: to the action's owner, for the date then due; some before a deferral.
            Notifications = i % 3 == 0 ? [] :
            [
                new ActionNotification(a.Id, "DueSoon", a.DueOn.AddDays(-7), new DateTimeOffset(2016, 1, 1, 9, 0, 0, TimeSpan.Zero).AddHours(i), a.Owner.Person, $"Action {i} is due."),
                .. i % 2 == 0 ? [new ActionNotification(a.Id, "Overdue", a.DueOn, new DateTimeOffset(2016, 2, 1, 9, 0, 0, TimeSpan.Zero).AddHours(i), a.Owner.Person, $"Action {i} is overdue.")] : Array.Empty<ActionNotification>(),
            ],
        }).ToList();

        var commits = organisations.Select(o => Commit(o, 0)).Concat(recommendations.Select(r => Commit(r, 0))).Concat(actions.Select(a => Commit(a, 0)));
        var results = await Task.WhenAll(commits.Select(c => store.CommitAsync(c)));
        results.Should().OnlyContain(r => r.Committed);
    }

    private static OrganisationDetails Organisation(string id, string name, params OrganisationLink[] successors) =>
        new() { Id = id, Name = name, Kind = OrganisationKind.NationalBody, Successors = successors };

    private static JournalCommit Commit<T>(T document, long expected) where T : class
    {
        var id = (string)typeof(T).GetProperty("Id")!.GetValue(document)!;
        return new JournalCommit(
            new JournalId(typeof(T).Name.ToLowerInvariant(), id.Replace('/', '-')),
            expected,
            [new NewEvent("test.DocumentWritten", "{}", DateTimeOffset.UtcNow, "tester")],
            Documents: [new DocumentWrite(ReadModels.KindOf(typeof(T)), id, JsonSerializer.Serialize(document, JournalJson.Options))]);
    }

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
