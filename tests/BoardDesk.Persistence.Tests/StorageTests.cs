using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.Sqlite;
using BoardDesk.Persistence.Tests.TestGrains;
using BoardDesk.Testing;
using Microsoft.Data.Sqlite;

namespace BoardDesk.Persistence.Tests;

public sealed class StorageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldCommitManyGrainsInOneTransaction_When64GrainsWriteAtOnce()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var store = (SqliteJournalStore)host.Store;
        var before = (store.TransactionCount, store.CommitCount);

        await Parallel.ForAsync(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            for (var n = 0; n < 20; n++)
            {
                await host.Grains.GetGrain<ICounterGrain>($"group-{i}").AddAsync(1);
            }
        });

        var commits = store.CommitCount - before.CommitCount;
        var transactions = store.TransactionCount - before.TransactionCount;
        commits.Should().Be(64 * 20);
        transactions.Should().BeLessThan(commits / 2, "concurrent turns share a transaction and its fsync");
    }

    [Fact]
    public async Task ShouldRefuseAnAppend_WhenTheJournalNoLongerEndsWhereTheWriterExpected()
    {
        await using var store = await OpenStoreAsync();
        var id = new JournalId("counter", "conflict");
        (await store.CommitAsync(new JournalCommit(id, 0, [Event(1)]))).Committed.Should().BeTrue();

        var stale = await store.CommitAsync(new JournalCommit(id, 0, [Event(2)]));
        var ahead = await store.CommitAsync(new JournalCommit(id, 5, [Event(3)]));

        stale.Should().Be(CommitResult.Conflict(1));
        ahead.Committed.Should().BeFalse();
        (await store.ReadEventsAsync(id)).Should().ContainSingle();
    }

    [Fact]
    public async Task ShouldNameTheAlteredEntry_WhenOneJournalRowIsEditedInTheDatabaseFile()
    {
        var database = _folder.File("tamper.db");
        await using (var store = await OpenStoreAsync(database))
        {
            for (var i = 0; i < 8; i++)
            {
                await store.CommitAsync(new JournalCommit(new JournalId("counter", "audited"), i, [Event(i)]));
                await store.CommitAsync(new JournalCommit(new JournalId("counter", "other"), i, [Event(i)]));
            }

            (await store.VerifyAsync()).Should().BeEquivalentTo(new { JournalsChecked = 2, EventsChecked = 16, Intact = true });
        }

        await ExecuteAsync(database, "UPDATE events SET payload = '{\"amount\":1000}' WHERE grain = 'counter/audited' AND seq = 5");
        await using (var store = await OpenStoreAsync(database))
        {
            var result = await store.VerifyAsync();

            result.Breaks.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Grain = new JournalId("counter", "audited"), Sequence = 5L });
            result.Breaks[0].Reason.Should().Contain("altered");
        }

        await ExecuteAsync(database, "DELETE FROM events WHERE grain = 'counter/other' AND seq = 3");
        await using (var store = await OpenStoreAsync(database))
        {
            var breaks = (await store.VerifyAsync()).Breaks;

            breaks.Should().HaveCount(2);
            breaks.Should().ContainEquivalentOf(new { Grain = new JournalId("counter", "other"), Sequence = 3L });
        }
    }

    [Fact]
    public async Task ShouldRefuseWithAClearMessage_WhenASecondStoreOpensTheSameDatabase()
    {
        await using var first = await OpenStoreAsync();

        var second = () => OpenStoreAsync();

        (await second.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("in use by another BoardDesk process");
        (await first.CheckHealthAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task ShouldRefuseOnlyTheFailingTurn_WhenOneTurnOfABatchCannotBeWritten()
    {
        await using var store = await OpenStoreAsync();
        var good = new JournalCommit(new JournalId("counter", "good"), 0, [Event(1)]);
        // A document with a null key breaks a NOT NULL constraint: that turn fails, the others in its batch commit.
        var bad = new JournalCommit(new JournalId("counter", "bad"), 0, [Event(2)], Documents: [new DocumentWrite("Kind", null!, "{}")]);

        var results = await Task.WhenAll(
            store.CommitAsync(good).ContinueWith(t => t.IsCompletedSuccessfully),
            store.CommitAsync(bad).ContinueWith(t => t.IsCompletedSuccessfully),
            store.CommitAsync(good with { Grain = new JournalId("counter", "good-too") }).ContinueWith(t => t.IsCompletedSuccessfully));

        results.Should().Equal(true, false, true);
        (await store.ReadEventsAsync(new JournalId("counter", "bad"))).Should().BeEmpty();
        (await store.ReadEventsAsync(new JournalId("counter", "good"))).Should().ContainSingle();
        (await store.CommitAsync(bad with { Documents = null })).Committed.Should().BeTrue("the refused turn left no trace behind");
    }

    [Fact]
    public async Task ShouldStoreTheActingUserAndTime_WhenAGrainRaisesAnEvent()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var before = DateTimeOffset.UtcNow;

        using (ActingUser.Begin("secretary@ldib"))
        {
            await host.Grains.GetGrain<ICounterGrain>("audited-user").AddAsync(3);
        }

        var entry = (await host.ReadHistoryAsync(new JournalId("counter", "audited-user"))).Should().ContainSingle().Subject;
        entry.User.Should().Be("secretary@ldib");
        entry.RecordedAt.Should().BeOnOrAfter(before).And.BeOnOrBefore(DateTimeOffset.UtcNow);
        entry.Event.Should().Be(new CounterAdded(3));
        entry.Type.Should().Be("test.CounterAdded");
    }

    [Fact]
    public async Task ShouldNameTheRemovedEntryAndRefuseToLoad_WhenTheLastEntryOfAJournalIsDeleted()
    {
        var database = await TwoJournalsAsync("tail.db");
        await ExecuteAsync(database, "DELETE FROM events WHERE grain = 'counter/minutes' AND seq = 5");

        await using var store = await OpenStoreAsync(database);
        var result = await store.VerifyAsync();
        var load = () => store.LoadAsync(new JournalId("counter", "minutes"));

        result.Intact.Should().BeFalse();
        var broken = result.Breaks.Should().ContainSingle().Subject;
        broken.Grain.Should().Be(new JournalId("counter", "minutes"));
        broken.Sequence.Should().Be(5);
        broken.Reason.Should().Contain("entry 5 was removed");
        (await load.Should().ThrowAsync<JournalIntegrityException>()).Which.Reason.Should().Contain("entry 5 was removed");
        (await store.LoadAsync(new JournalId("counter", "other"))).Events.Should().HaveCount(3, "an intact journal loads as before");
    }

    [Fact]
    public async Task ShouldNameTheRemovedJournal_WhenAWholeJournalIsDeleted()
    {
        var database = await TwoJournalsAsync("journal.db");
        await ExecuteAsync(database, "DELETE FROM events WHERE grain = 'counter/minutes'", rows: 5);

        await using var store = await OpenStoreAsync(database);
        var result = await store.VerifyAsync();

        result.Breaks.Should().ContainSingle().Which.Should().Match<ChainBreak>(b => b.Grain == new JournalId("counter", "minutes") && b.Reason.Contains("whole journal was removed"));
    }

    [Fact]
    public async Task ShouldReportTheStoresCheckpoint_WhenAJournalIsDeletedTogetherWithItsCheckpoint()
    {
        var database = await TwoJournalsAsync("journal-and-head.db");
        await ExecuteAsync(database, "DELETE FROM events WHERE grain = 'counter/minutes'", rows: 5);
        await ExecuteAsync(database, "DELETE FROM heads WHERE grain = 'counter/minutes'");

        var result = await SqliteJournalStore.VerifyDatabaseAsync(database);

        result.Breaks.Should().ContainSingle().Which.Should().Match<ChainBreak>(b => b.Grain == JournalCheckpoints.Store && b.Reason.Contains("2 journals signed, 1 found"));
    }

    [Fact]
    public async Task ShouldNameTheRewrittenJournal_WhenAnEntryIsChangedAndEveryHashRecomputed()
    {
        var database = await TwoJournalsAsync("rewrite.db");
        var grain = new JournalId("counter", "minutes");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            // A consistent rewrite: entry 3's payload changed and every hash from there on recomputed, checkpoint row too.
            await connection.OpenAsync();
            var previous = EventHasher.Genesis;
            for (var seq = 1; seq <= 5; seq++)
            {
                await using var read = connection.CreateCommand();
                read.CommandText = $"SELECT type, payload, at, user FROM events WHERE grain = 'counter/minutes' AND seq = {seq}";
                await using var reader = await read.ExecuteReaderAsync();
                await reader.ReadAsync();
                var (type, payload, at, user) = (reader.GetString(0), seq == 3 ? """{"amount":1000}""" : reader.GetString(1), reader.GetString(2), reader.GetString(3));
                await reader.CloseAsync();
                var hash = EventHasher.Hash(previous, grain, seq, type, payload, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), user);
                await using var write = connection.CreateCommand();
                write.CommandText = $"UPDATE events SET payload = $payload, prev_hash = $prev, hash = $hash WHERE grain = 'counter/minutes' AND seq = {seq}";
                write.Parameters.AddWithValue("$payload", payload);
                write.Parameters.AddWithValue("$prev", previous);
                write.Parameters.AddWithValue("$hash", hash);
                await write.ExecuteNonQueryAsync();
                previous = hash;
            }

            await using var head = connection.CreateCommand();
            head.CommandText = "UPDATE heads SET hash = $hash WHERE grain = 'counter/minutes'";
            head.Parameters.AddWithValue("$hash", previous);
            await head.ExecuteNonQueryAsync();
        }

        await using var store = await OpenStoreAsync(database);
        var result = await store.VerifyAsync();
        var load = () => store.LoadAsync(grain);

        result.Breaks.Should().ContainSingle().Which.Should().Match<ChainBreak>(b => b.Grain == grain && b.Reason.Contains("signature does not match"));
        await load.Should().ThrowAsync<JournalIntegrityException>();
    }

    [Fact]
    public async Task ShouldReportEveryChainIntact_WhenNothingWasChangedOutsideTheStore()
    {
        var database = await TwoJournalsAsync("intact.db");

        var result = await SqliteJournalStore.VerifyDatabaseAsync(database);

        result.Intact.Should().BeTrue();
        result.JournalsChecked.Should().Be(2);
    }

    /// <summary>Two journals, of 5 and 3 entries, written and closed.</summary>
    private async Task<string> TwoJournalsAsync(string name)
    {
        var database = _folder.File(name);
        await using var store = await OpenStoreAsync(database);
        for (var i = 0; i < 5; i++)
        {
            (await store.CommitAsync(new JournalCommit(new JournalId("counter", "minutes"), i, [Event(i)]))).Committed.Should().BeTrue();
        }

        (await store.CommitAsync(new JournalCommit(new JournalId("counter", "other"), 0, [Event(1), Event(2), Event(3)]))).Committed.Should().BeTrue();
        return database;
    }

    private async Task<SqliteJournalStore> OpenStoreAsync(string? path = null)
    {
        var store = new SqliteJournalStore(new SqliteStoreOptions { DatabasePath = path ?? _folder.File("store.db") });
        await store.InitializeAsync();
        return store;
    }

    private static NewEvent Event(int amount) => new("test.CounterAdded", $$"""{"amount":{{amount}}}""", DateTimeOffset.UtcNow, "tester");

    private static async Task ExecuteAsync(string database, string sql, int rows = 1)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        (await command.ExecuteNonQueryAsync()).Should().Be(rows);
    }
}
