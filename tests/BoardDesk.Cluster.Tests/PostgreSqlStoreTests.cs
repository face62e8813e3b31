using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.PostgreSql;
using BoardDesk.Testing;

namespace BoardDesk.Cluster.Tests;

/// <summary>The journal store's contract (the SQLite store's tests in BoardDesk.Persistence.Tests) on PostgreSQL.</summary>
public sealed class PostgreSqlStoreTests
{
    private static readonly JournalId Minutes = new("counter", "minutes");
    private static readonly JournalId Other = new("counter", "other");

    [PostgreSqlFact]
    public async Task ShouldRefuseAnAppend_WhenTheJournalNoLongerEndsWhereTheWriterExpected()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var store = await OpenAsync(database);
        (await store.CommitAsync(new JournalCommit(Minutes, 0, [Event(1)]))).Committed.Should().BeTrue();

        var stale = await store.CommitAsync(new JournalCommit(Minutes, 0, [Event(2)]));
        var ahead = await store.CommitAsync(new JournalCommit(Minutes, 5, [Event(3)]));

        stale.Should().Be(CommitResult.Conflict(1));
        ahead.Committed.Should().BeFalse();
        (await store.ReadEventsAsync(Minutes)).Should().ContainSingle();
    }

    [PostgreSqlFact]
    public async Task ShouldStoreEveryCommitOnceInOrder_WhenTwoNodesAppendToTheSameJournalsAtOnce()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var first = await OpenAsync(database);
        await using var second = await OpenAsync(database);
        var committed = 0;

        // Each writer keeps appending where it believes the journal ends, as two activations of one grain would.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async writer =>
        {
            var store = writer % 2 == 0 ? first : second;
            var grain = new JournalId("counter", $"contended-{writer % 4}");
            var expected = 0L;
            for (var i = 0; i < 25; i++)
            {
                var result = await store.CommitAsync(new JournalCommit(grain, expected, [Event(writer * 100 + i)]));
                if (result.Committed)
                {
                    Interlocked.Increment(ref committed);
                }

                expected = result.ActualSequence;
            }
        }));

        var stored = 0;
        for (var g = 0; g < 4; g++)
        {
            var events = await first.ReadEventsAsync(new JournalId("counter", $"contended-{g}"));
            events.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, events.Count).Select(n => (long)n));
            events.Select(e => e.Payload).Should().OnlyHaveUniqueItems("no commit is stored twice");
            stored += events.Count;
        }

        stored.Should().Be(committed, "every acknowledged commit is stored, and nothing else");
        var verification = await second.VerifyAsync();
        verification.Intact.Should().BeTrue(string.Join("; ", verification.Breaks.Select(b => b.Reason)));
        verification.JournalsChecked.Should().Be(4);
    }

    [PostgreSqlFact]
    public async Task ShouldCommitManyTurnsInOneTransaction_When64GrainsCommitAtOnce()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var store = await OpenAsync(database);

        await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            for (var n = 0; n < 10; n++)
            {
                (await store.CommitAsync(new JournalCommit(new JournalId("counter", $"group-{i}"), n, [Event(n)]))).Committed.Should().BeTrue();
            }
        }));

        store.CommitCount.Should().Be(640);
        store.TransactionCount.Should().BeLessThan(320, "concurrent turns share a transaction and its flush");
    }

    [PostgreSqlFact]
    public async Task ShouldRefuseOnlyTheFailingTurn_WhenOneTurnOfABatchCannotBeWritten()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var store = await OpenAsync(database);
        var good = new JournalCommit(new JournalId("counter", "good"), 0, [Event(1)]);
        // PostgreSQL refuses a text holding a NUL character: that turn fails, the others in its batch commit.
        var bad = new JournalCommit(new JournalId("counter", "bad"), 0, [Event(2)], Documents: [new DocumentWrite("Kind", "bad", "{\0}")]);

        var results = await Task.WhenAll(
            store.CommitAsync(good).ContinueWith(t => t.IsCompletedSuccessfully),
            store.CommitAsync(bad).ContinueWith(t => t.IsCompletedSuccessfully),
            store.CommitAsync(good with { Grain = new JournalId("counter", "good-too") }).ContinueWith(t => t.IsCompletedSuccessfully));

        results.Should().Equal(true, false, true);
        (await store.ReadEventsAsync(new JournalId("counter", "bad"))).Should().BeEmpty();
        (await store.ReadEventsAsync(new JournalId("counter", "good"))).Should().ContainSingle();
        (await store.CommitAsync(bad with { Documents = null })).Committed.Should().BeTrue("the refused turn left no trace behind");
        (await store.VerifyAsync()).Intact.Should().BeTrue();
    }

    [PostgreSqlFact]
    public async Task ShouldNameTheAlteredEntry_WhenOneJournalRowIsEditedInTheDatabase()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await TwoJournalsAsync(database);
        await database.ExecuteAsync("UPDATE events SET payload = '{\"amount\":1000}' WHERE grain = 'counter/minutes' AND seq = 3");

        await using var store = await OpenAsync(database);
        var result = await store.VerifyAsync();

        result.Breaks.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Grain = Minutes, Sequence = 3L });
        result.Breaks[0].Reason.Should().Contain("altered");
        await store.Invoking(s => s.LoadAsync(Minutes)).Should().ThrowAsync<JournalIntegrityException>();
    }

    [PostgreSqlFact]
    public async Task ShouldNameTheRemovedEntryAndRefuseToLoad_WhenTheLastEntryOfAJournalIsDeleted()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await TwoJournalsAsync(database);
        await database.ExecuteAsync("DELETE FROM events WHERE grain = 'counter/minutes' AND seq = 5");

        await using var store = await OpenAsync(database);
        var result = await store.VerifyAsync();

        result.Breaks.Should().ContainSingle().Which.Reason.Should().Be("entry 5 was removed (its signed checkpoint records 5 entries, 4 are left)");
        await store.Invoking(s => s.LoadAsync(Minutes)).Should().ThrowAsync<JournalIntegrityException>();
        (await store.LoadAsync(Other)).Events.Should().HaveCount(3);
    }

    [PostgreSqlFact]
    public async Task ShouldNameTheRemovedJournalAndTheStoresCheckpoint_WhenJournalsAreDeleted()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await TwoJournalsAsync(database);
        await database.ExecuteAsync("DELETE FROM events WHERE grain = 'counter/other'");

        await using (var store = await OpenAsync(database))
        {
            (await store.VerifyAsync()).Breaks.Should().ContainSingle().Which.Reason.Should().StartWith("the whole journal was removed");
        }

        await database.ExecuteAsync("DELETE FROM heads WHERE grain = 'counter/other'");
        await using (var store = await OpenAsync(database))
        {
            (await store.VerifyAsync()).Breaks.Should().ContainSingle().Which.Reason.Should().Contain("2 journals signed, 1 found");
        }
    }

    [PostgreSqlFact]
    public async Task ShouldShowADocumentWrittenByOneNodeToAnother_WhenTheSecondAsksWhatChanged()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var first = await OpenAsync(database);
        await using var second = await OpenAsync(database);
        var before = await second.LoadDocumentsChangedAsync("Kind", -1);

        await first.CommitAsync(new JournalCommit(Minutes, 0, [Event(1)], Documents: [new DocumentWrite("Kind", "minutes", "{\"v\":1}")]));
        var changed = await second.LoadDocumentsChangedAsync("Kind", before.Version);
        await first.CommitAsync(new JournalCommit(Minutes, 1, [Event(2)], Documents: [new DocumentWrite("Kind", "minutes", "{\"v\":2}")]));
        var again = await second.LoadDocumentsChangedAsync("Kind", changed.Version);
        var nothing = await second.LoadDocumentsChangedAsync("Kind", again.Version);

        before.Documents.Should().BeEmpty();
        changed.Documents.Should().Equal(new Dictionary<string, string> { ["minutes"] = "{\"v\":1}" });
        again.Documents.Should().Equal(new Dictionary<string, string> { ["minutes"] = "{\"v\":2}" });
        again.Version.Should().BeGreaterThan(changed.Version);
        nothing.Documents.Should().BeEmpty();
    }

    [PostgreSqlFact]
    public async Task ShouldKeepSealedValuesUnreadableAndUnordered_WhenValuesAreSealedOneCommitAtATime()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var store = await OpenAsync(database);
        var decision = new JournalId("decision", "secret");
        string[] choices = ["For", "Against", "For", "Abstain", "For"];
        for (var i = 0; i < choices.Length; i++)
        {
            (await store.CommitAsync(new JournalCommit(decision, i, [Event(i)], SealedBox: new SealedBoxChange([choices[i]])))).Committed.Should().BeTrue();
        }

        var conflicting = await store.CommitAsync(new JournalCommit(decision, 0, [Event(9)], SealedBox: new SealedBoxChange(["Against"])));

        conflicting.Committed.Should().BeFalse();
        (await store.CountSealedAsync(decision)).Should().Equal(new Dictionary<string, int> { ["For"] = 3, ["Against"] = 1, ["Abstain"] = 1 });
        (await database.ScalarAsync("SELECT count(DISTINCT xmin::text) FROM sealed WHERE grain = 'decision/secret'")).Should().Be(1, "every live row was written by the last commit");
        (await database.ScalarAsync("SELECT count(*) FROM sealed WHERE position('For'::bytea in value) > 0 OR position('Against'::bytea in value) > 0")).Should().Be(0);
        (await database.ScalarAsync("SELECT count(DISTINCT length(value)) FROM sealed")).Should().Be(1, "For is as long as Against");
        await store.Invoking(s => s.CommitAsync(new JournalCommit(decision, 5, [], SealedBox: new SealedBoxChange(["For"])))).Should().ThrowAsync<ArgumentException>();

        (await store.CommitAsync(new JournalCommit(decision, 5, [Event(5)], SealedBox: new SealedBoxChange([], Emptied: true)))).Committed.Should().BeTrue();
        (await store.CountSealedAsync(decision)).Should().BeEmpty();
    }

    [PostgreSqlFact]
    public async Task ShouldKeepEveryTurnsSealedValues_WhenTurnsOfSeveralBoxesAreWrittenTogether()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var store = await OpenAsync(database);

        // Each decision's two turns are queued before the first is written, so they usually share a batch with the
        // other decisions' turns: the second must add to the box as the first left it.
        var commits = Enumerable.Range(0, 16).SelectMany(d =>
        {
            var decision = new JournalId("decision", $"secret-{d}");
            return new[]
            {
                store.CommitAsync(new JournalCommit(decision, 0, [Event(1)], SealedBox: new SealedBoxChange(["For"]))),
                store.CommitAsync(new JournalCommit(decision, 1, [Event(2)], SealedBox: new SealedBoxChange(d % 2 == 0 ? ["Against"] : ["For"]))),
            };
        }).ToList();
        (await Task.WhenAll(commits)).Should().OnlyContain(r => r.Committed);

        for (var d = 0; d < 16; d++)
        {
            (await store.CountSealedAsync(new JournalId("decision", $"secret-{d}"))).Should().Equal(d % 2 == 0
                ? new Dictionary<string, int> { ["For"] = 1, ["Against"] = 1 }
                : new Dictionary<string, int> { ["For"] = 2 });
        }

        (await database.ScalarAsync("SELECT count(*) FROM sealed")).Should().Be(32);
        (await store.VerifyAsync()).Intact.Should().BeTrue();
    }

    [PostgreSqlFact]
    public async Task ShouldKeepTheLaterDocumentAndSnapshot_WhenTwoTurnsOfOneGrainAreQueuedTogether()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var store = await OpenAsync(database);

        var results = await Task.WhenAll(
            store.CommitAsync(new JournalCommit(Minutes, 0, [Event(1)], SnapshotPayload: "{\"total\":1}", Documents: [new DocumentWrite("Minutes", "m1", "{\"total\":1}")])),
            store.CommitAsync(new JournalCommit(Minutes, 1, [Event(2)], SnapshotPayload: "{\"total\":3}", Documents: [new DocumentWrite("Minutes", "m1", "{\"total\":3}")])));

        results.Should().OnlyContain(r => r.Committed);
        (await store.LoadDocumentsAsync("Minutes")).Should().Equal(new Dictionary<string, string> { ["m1"] = "{\"total\":3}" });
        var load = await store.LoadAsync(Minutes);
        load.Snapshot.Should().BeEquivalentTo(new { Sequence = 2L, Payload = "{\"total\":3}" });
        load.Events.Should().BeEmpty();
    }

    [PostgreSqlFact]
    public async Task ShouldReportAConflictAndWriteTheOtherTurns_WhenAnEntryWasInsertedWithoutItsHead()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var store = await OpenAsync(database);
        // An entry written outside BoardDesk's writers: the journal has no signed head saying where it ends.
        await database.ExecuteAsync(
            "INSERT INTO events(grain, seq, type, payload, at, user_name, prev_hash, hash) VALUES('counter/stray', 1, 'test.CounterAdded', '{}', '2015-09-01T00:00:00.0000000Z', 'someone', '\\x00', '\\x00')");

        var results = await Task.WhenAll(
            store.CommitAsync(new JournalCommit(new JournalId("counter", "before"), 0, [Event(1)])),
            store.CommitAsync(new JournalCommit(new JournalId("counter", "stray"), 0, [Event(2)])),
            store.CommitAsync(new JournalCommit(new JournalId("counter", "after"), 0, [Event(3)])));

        results.Select(r => r.Committed).Should().Equal(true, false, true);
        results[1].ActualSequence.Should().Be(1);
        (await store.ReadEventsAsync(new JournalId("counter", "stray"))).Should().ContainSingle().Which.User.Should().Be("someone");
        (await store.ReadEventsAsync(new JournalId("counter", "after"))).Should().ContainSingle();
    }

    private static async Task TwoJournalsAsync(PostgreSqlDatabase database)
    {
        await using var store = await OpenAsync(database);
        for (var i = 0; i < 5; i++)
        {
            (await store.CommitAsync(new JournalCommit(Minutes, i, [Event(i)]))).Committed.Should().BeTrue();
        }

        (await store.CommitAsync(new JournalCommit(Other, 0, [Event(1), Event(2), Event(3)]))).Committed.Should().BeTrue();
        (await store.VerifyAsync()).Should().BeEquivalentTo(new { JournalsChecked = 2, EventsChecked = 8, Intact = true });
    }

    internal static async Task<PostgreSqlJournalStore> OpenAsync(PostgreSqlDatabase database)
    {
        var store = new PostgreSqlJournalStore(new PostgreSqlStoreOptions { ConnectionString = database.ConnectionString, KeyPath = database.KeyPath });
        await store.InitializeAsync();
        return store;
    }

    private static NewEvent Event(int amount) => new("test.CounterAdded", $$"""{"amount":{{amount}}}""", DateTimeOffset.UtcNow, "tester");
}
