using BoardDesk.Server.Tests.Recommendations;
using BoardDesk.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests.Samples;

/// <summary>The story replayed on a first start is history written once: a restart adds nothing, an interrupted replay resumes.</summary>
public sealed class SampleStoryRestartTests : IDisposable
{
    private readonly TemporaryFolder _whole = new();
    private readonly TemporaryFolder _interrupted = new();

    public void Dispose()
    {
        _whole.Dispose();
        _interrupted.Dispose();
    }

    [Fact]
    public async Task ShouldWriteTheSameJournalsOnceAsAnUninterruptedReplay_WhenTheServerIsKilledMidReplayAndRestarted()
    {
        await using (var api = BoardDeskApi.OnFreshData(_whole, Ldib2015StoryTests.Story))
        {
            _ = api.Services.GetRequiredService<BoardDesk.Persistence.Storage.IJournalStore>();
        }

        var whole = await JournalsAsync(_whole.Path);

        // A replay stopped after 40 steps, the server killed with SIGKILL, then started again.
        var settings = new Dictionary<string, string> { ["BoardDesk:LoadSamples"] = "story" };
        using (var stopped = await ServerProcess.StartAsync(_interrupted.Path, new Dictionary<string, string>(settings) { ["BoardDesk:PauseSamplesAfterSteps"] = "40" }))
        {
            stopped.Output.Should().Contain("stops after 40 steps");
            stopped.Kill();
        }

        var partial = await JournalsAsync(_interrupted.Path);
        partial.Count.Should().BeLessThan(whole.Count, "the replay stopped part way");
        using (var restarted = await ServerProcess.StartAsync(_interrupted.Path, settings))
        {
            restarted.Output.Should().Contain("Replayed the 2015-16 sample story");
            restarted.Kill();
        }

        (await JournalsAsync(_interrupted.Path)).Should().Equal(whole, "every change of the story is in its journal exactly once, in the same order");

        // A further start finds the story complete and writes nothing.
        using (var again = await ServerProcess.StartAsync(_interrupted.Path, settings))
        {
            again.Output.Should().NotContain("Replayed the 2015-16 sample story");
            again.Kill();
        }

        (await JournalsAsync(_interrupted.Path)).Should().Equal(whole);
    }

    /// <summary>Every journal entry as grain, sequence and event type, in journal order (times and hashes differ between runs).</summary>
    private static async Task<List<string>> JournalsAsync(string dataPath)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "boarddesk.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain, seq, type FROM events ORDER BY grain, seq";
        var entries = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add($"{reader.GetString(0)}#{reader.GetInt64(1)} {reader.GetString(2)}");
        }

        return entries;
    }
}
