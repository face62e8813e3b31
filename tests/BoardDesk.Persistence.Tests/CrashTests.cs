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
            var errors = child.StandardError.ReadToEndAsync();
            try
            {
                // A host that stops printing cannot hold the test past the deadline either.
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                while (acknowledged.Values.Sum() < 3 * 2000 && !deadline.IsCancellationRequested)
                {
                    var line = await child.StandardOutput.ReadLineAsync(deadline.Token)
                        ?? throw new InvalidOperationException("The crash host stopped early: " + await errors);
                    if (line.StartsWith("ack ", StringComparison.Ordinal))
                    {
                        var parts = line.Split(' ');
                        acknowledged[parts[1]] = Math.Max(acknowledged.GetValueOrDefault(parts[1]), long.Parse(parts[2]));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The deadline passed while waiting for a line: the assertion below says how far the host got.
            }
            finally
            {
                // SIGKILL: no flush, no shutdown. In the finally, so that a failing test leaves no host running either.
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }

                await child.WaitForExitAsync();
            }
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
