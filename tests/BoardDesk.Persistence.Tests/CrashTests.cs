using System.Diagnostics;
using System.Text.Json;
using BoardDesk.Grains;
using BoardDesk.Persistence.Storage.Sqlite;
using BoardDesk.Testing;

namespace BoardDesk.Persistence.Tests;

public sealed class CrashTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldKeepEveryAcknowledgedTurnAndNoPartialOne_WhenTheProcessIsKilledMidLoad()
    {
        var database = _folder.File("crash.db");
        var acknowledged = new Dictionary<string, long>();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.BuildOutput("tests/BoardDesk.Persistence.CrashHost", "BoardDesk.Persistence.CrashHost.dll"));
        start.ArgumentList.Add(database);
        start.ArgumentList.Add("32");

        using (var child = Process.Start(start)!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Values.Sum() < 3 * 2000 && DateTime.UtcNow < deadline)
            {
                var line = await child.StandardOutput.ReadLineAsync()
                    ?? throw new InvalidOperationException("The crash host stopped early: " + await child.StandardError.ReadToEndAsync());
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ');
                    acknowledged[parts[1]] = Math.Max(acknowledged.GetValueOrDefault(parts[1]), long.Parse(parts[2]));
                }
            }

            child.Kill(entireProcessTree: true); // SIGKILL: no flush, no shutdown.
            await child.WaitForExitAsync();
        }

        acknowledged.Values.Sum().Should().BeGreaterThanOrEqualTo(3 * 2000, "the child ran under load before it was killed");
        var store = new SqliteJournalStore(new SqliteStoreOptions { DatabasePath = database });
        await store.InitializeAsync();
        await using (store)
        {
            foreach (var (key, version) in acknowledged)
            {
                var journal = await store.ReadEventsAsync(new JournalId("ledger", key));
                journal.Count.Should().BeGreaterThanOrEqualTo((int)version, $"every acknowledged turn of {key} survived");
                journal.Count.Should().Be(journal.Count / 3 * 3, $"{key} holds whole turns only");
                journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
                journal.Should().AllSatisfy(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("text").GetString().Should().HaveLength(200));
            }

            var verification = await store.VerifyAsync();
            verification.Intact.Should().BeTrue();
            verification.JournalsChecked.Should().Be(acknowledged.Count);
        }
    }
}
