using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.Sqlite;
using BoardDesk.Persistence.Tests.TestGrains;
using BoardDesk.Testing;
using Microsoft.Data.Sqlite;

namespace BoardDesk.Persistence.Tests;

/// <summary>The sealed box: values committed with their events or not at all, with no order, time or stable identity.</summary>
public sealed class SealedBoxTests : IDisposable
{
    private static readonly JournalId Box = new("ballot-box", "vote");
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldStoreSealedValuesOnlyWithTheirEvents_WhenACommitConflictsFailsOrHasNoEvents()
    {
        await using var store = await OpenStoreAsync();
        (await store.CommitAsync(new JournalCommit(Box, 0, [Voted("a")], SealedBox: new(["For"])))).Committed.Should().BeTrue();

        var stale = await store.CommitAsync(new JournalCommit(Box, 0, [Voted("b")], SealedBox: new(["Against"])));
        // A document with a null key breaks a NOT NULL constraint: the turn fails with everything it wrote.
        var failing = () => store.CommitAsync(new JournalCommit(Box, 1, [Voted("b")], Documents: [new DocumentWrite("Kind", null!, "{}")], SealedBox: new(["Against"])));
        var withoutEvents = () => store.CommitAsync(new JournalCommit(Box, 1, [], SealedBox: new(["Against"])));

        stale.Committed.Should().BeFalse();
        await failing.Should().ThrowAsync<Exception>();
        await withoutEvents.Should().ThrowAsync<ArgumentException>();
        (await store.CountSealedAsync(Box)).Should().BeEquivalentTo(new Dictionary<string, int> { ["For"] = 1 });
        (await store.ReadEventsAsync(Box)).Should().ContainSingle();
    }

    [Fact]
    public async Task ShouldKeepNoRowIdTimeOrStableKey_WhenValuesAreSealedOneCommitAtATime()
    {
        var database = _folder.File("box.db");
        var keysAfterEachCommit = new List<HashSet<string>>();
        await using (var store = await OpenStoreAsync(database))
        {
            var choices = new[] { "For", "Against", "For", "Abstain", "For" };
            for (var i = 0; i < choices.Length; i++)
            {
                (await store.CommitAsync(new JournalCommit(Box, i, [Voted($"holder-{i}")], SealedBox: new([choices[i]])))).Committed.Should().BeTrue();
                keysAfterEachCommit.Add([.. await QueryAsync(database, "SELECT hex(key) FROM sealed")]);
            }
        }

        (await QueryAsync(database, "SELECT name FROM pragma_table_info('sealed') ORDER BY cid")).Should().Equal(["grain", "key", "value"], "a row holds no voter, time or position");
        (await QueryAsync(database, "SELECT sql FROM sqlite_master WHERE name = 'sealed'")).Single().Should().Contain("WITHOUT ROWID");
        var rowid = () => QueryAsync(database, "SELECT rowid FROM sealed");
        (await rowid.Should().ThrowAsync<SqliteException>()).Which.Message.Should().Contain("no such column");
        (await QueryAsync(database, "SELECT length(key) FROM sealed")).Should().AllBe("16", "each key is 128 random bits");
        for (var i = 1; i < keysAfterEachCommit.Count; i++)
        {
            keysAfterEachCommit[i].Should().NotIntersectWith(keysAfterEachCommit[i - 1], "each commit writes the whole box again under fresh keys, so no row can be followed from one copy of the file to the next");
        }

        await using (var reopened = await OpenStoreAsync(database))
        {
            (await reopened.CountSealedAsync(Box)).Should().BeEquivalentTo(new Dictionary<string, int> { ["For"] = 3, ["Against"] = 1, ["Abstain"] = 1 });
            (await reopened.VerifyAsync()).Should().BeEquivalentTo(new { JournalsChecked = 1, EventsChecked = 5, Intact = true }, "the box is outside the hash chain");
        }
    }

    [Fact]
    public async Task ShouldLeaveNoValueReadableInTheFileAndZeroThemWhenEmptied_WhenTheFileItselfIsRead()
    {
        var database = _folder.File("pages.db");
        // Distinct values arriving out of order, so that any of them left readable in the file would show.
        var arrivals = Enumerable.Range(0, 40).Select(i => $"value-{(i * 17) % 40:D2}").ToArray();
        await using (var store = await OpenStoreAsync(database))
        {
            for (var i = 0; i < arrivals.Length; i++)
            {
                await store.CommitAsync(new JournalCommit(Box, i, [Voted($"holder-{i}")], SealedBox: new([arrivals[i]])));
            }

            (await store.CountSealedAsync(Box)).Should().HaveCount(arrivals.Length).And.OnlyContain(c => c.Value == 1, "counting decrypts every value");
        }

        PlacesInTheFile(database, arrivals).Should().OnlyContain(p => p == -1, "each value is stored encrypted under the grain's key, which is not in the file");

        await using (var store = await OpenStoreAsync(database))
        {
            await store.CommitAsync(new JournalCommit(Box, arrivals.Length, [Voted("closer")], SealedBox: new([], Emptied: true)));
        }

        PlacesInTheFile(database, arrivals).Should().OnlyContain(p => p == -1, "an emptied box is zeroed, not left in free space");
    }

    [Fact]
    public async Task ShouldSealOnceAndKeepNothingOfAFailedTurn_WhenATurnThrowsOrIsRunAgainAfterAConflict()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var grain = host.Grains.GetGrain<IBallotBoxGrain>("turns");
        var id = new JournalId("ballot-box", "turns");
        await grain.CastAsync("first", "For");
        // Another writer moves the journal on: the next turn conflicts, is reloaded and runs again.
        (await host.Store.CommitAsync(new JournalCommit(id, 1, [new NewEvent("test.HolderVoted", """{"holder":"external"}""", DateTimeOffset.UtcNow, "other")]))).Committed.Should().BeTrue();

        await grain.CastAsync("second", "Against");
        var failed = () => grain.CastThenFailAsync("third", "Against");
        var sealOnly = () => grain.SealOnlyAsync("Against");

        await failed.Should().ThrowAsync<InvalidOperationException>();
        (await sealOnly.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("without raising an event");
        (await grain.CountAsync()).Should().BeEquivalentTo(new Dictionary<string, int> { ["For"] = 1, ["Against"] = 1 }, "the turn run twice sealed once; the failed turns sealed nothing");
        (await host.Store.ReadEventsAsync(id)).Should().HaveCount(3);
    }

    [Fact]
    public async Task ShouldEmptyOnlyThatGrainsBoxWithTheCountingEvent_WhenTheBoxIsClosed()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var closing = host.Grains.GetGrain<IBallotBoxGrain>("closing");
        var other = host.Grains.GetGrain<IBallotBoxGrain>("other");
        await closing.CastAsync("a", "For");
        await closing.CastAsync("b", "For");
        await other.CastAsync("a", "Against");

        var counts = await closing.CloseAsync();

        counts.Should().BeEquivalentTo(new Dictionary<string, int> { ["For"] = 2 });
        (await closing.CountAsync()).Should().BeEmpty();
        (await other.CountAsync()).Should().BeEquivalentTo(new Dictionary<string, int> { ["Against"] = 1 });
        (await host.ReadHistoryAsync(new JournalId("ballot-box", "closing"))).Last().Event.Should().BeOfType<BoxCounted>();
    }

    private async Task<SqliteJournalStore> OpenStoreAsync(string? path = null)
    {
        var store = new SqliteJournalStore(new SqliteStoreOptions { DatabasePath = path ?? _folder.File("store.db") });
        await store.InitializeAsync();
        return store;
    }

    /// <summary>Where each value's bytes sit in the database file once everything is checkpointed into it; -1 where absent.</summary>
    private static int[] PlacesInTheFile(string database, IReadOnlyList<string> values)
    {
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        var bytes = File.ReadAllBytes(database);
        return [.. values.Select(v => bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(v)))];
    }

    private static NewEvent Voted(string holder) => new("test.HolderVoted", $$"""{"holder":"{{holder}}"}""", DateTimeOffset.UtcNow, "tester");

    private static async Task<List<string>> QueryAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
