using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.PostgreSql;
using BoardDesk.Persistence.Storage.Sqlite;
using BoardDesk.Testing;
using Npgsql;

namespace BoardDesk.Cluster.Tests;

/// <summary>Moving an embedded SQLite data folder into PostgreSQL keeps every chain, box and document.</summary>
public sealed class SqliteCopyTests
{
    [PostgreSqlFact]
    public async Task ShouldVerifyAndLoadTheSameJournals_WhenASqliteDatabaseIsCopiedIntoPostgreSql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        var sqlitePath = database.Folder.File("boarddesk.db");
        var options = new SqliteStoreOptions { DatabasePath = sqlitePath, KeyPath = database.KeyPath };
        var decision = new JournalId("decision", "secret");
        await using (var sqlite = new SqliteJournalStore(options))
        {
            await sqlite.InitializeAsync();
            for (var i = 0; i < 70; i++)
            {
                (await sqlite.CommitAsync(new JournalCommit(new JournalId("counter", $"c{i % 7}"), i / 7, [Event(i)],
                    SnapshotPayload: i == 63 ? "{\"total\":63}" : null, Documents: [new DocumentWrite("Counter", $"c{i % 7}", $"{{\"n\":{i}}}")]))).Committed.Should().BeTrue();
            }

            (await sqlite.CommitAsync(new JournalCommit(decision, 0, [Event(1)], SealedBox: new SealedBoxChange(["For", "Against", "For"])))).Committed.Should().BeTrue();
        }

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var copied = await SqliteCopy.CopyAsync(sqlitePath, dataSource);
        await using var store = new PostgreSqlJournalStore(new PostgreSqlStoreOptions { ConnectionString = database.ConnectionString, KeyPath = database.KeyPath }, dataSource);
        await store.InitializeAsync();

        copied.Should().BeEquivalentTo(new { Events = 71L, Journals = 8L, Documents = 7L });
        var verification = await store.VerifyAsync();
        verification.Intact.Should().BeTrue(string.Join("; ", verification.Breaks.Select(b => b.Reason)));
        verification.EventsChecked.Should().Be(71);
        (await store.LoadAsync(new JournalId("counter", "c0"))).LastSequence.Should().Be(10);
        (await store.CountSealedAsync(decision)).Should().Equal(new Dictionary<string, int> { ["For"] = 2, ["Against"] = 1 });
        (await store.LoadDocumentsAsync("Counter"))["c6"].Should().Be("{\"n\":69}");
        (await store.CommitAsync(new JournalCommit(new JournalId("counter", "c0"), 10, [Event(100)]))).Committed.Should().BeTrue("the chain goes on where SQLite left it");
        (await store.VerifyAsync()).Intact.Should().BeTrue();
        await FluentActions.Invoking(() => SqliteCopy.CopyAsync(sqlitePath, dataSource)).Should()
            .ThrowAsync<InvalidOperationException>().WithMessage("*already holds journals*");
    }

    private static NewEvent Event(int amount) => new("test.CounterAdded", $$"""{"amount":{{amount}}}""", DateTimeOffset.UtcNow, "tester");
}
