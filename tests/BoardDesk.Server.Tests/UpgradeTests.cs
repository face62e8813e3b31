using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BoardDesk.Decisions;
using BoardDesk.Testing;
using Microsoft.Data.Sqlite;

namespace BoardDesk.Server.Tests;

/// <summary>
/// A data folder written by the version of BoardDesk before its grains moved onto Orleans (samples loaded, Monitor and
/// NHS TDA merged into NHS Improvement, an action with its reminders, an open written procedure with one ballot)
/// opens in this version with the same state, and its reminders become Orleans reminders.
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "BoardDesk.Server.Tests", "Fixtures");
    private const string FixturePassword = "previous-version-passphrase";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldShowTheSameStateAndKeepItsReminders_WhenADataFolderOfThePreviousVersionIsOpened()
    {
        CopyFolder(Path.Combine(Fixtures, "previous-version"), _folder.Path);

        using var server = await ServerProcess.StartAsync(_folder.Path);

        server.Output.Should().Contain("Orleans silo started", "the server hosts an Orleans silo");
        await ExpectSameAsync(server, "/api/organisations/monitor", "organisation-monitor.json");
        await ExpectSameAsync(server, "/api/recommendations?owner=nhs-improvement", "register-nhs-improvement.json");
        (await server.Client.GetAsync("/api/audit/verify")).IsSuccessStatusCode.Should().BeFalse("verify needs an administrator");
        // The accounts, their password hashes and the key ring came with the folder.
        using var admin = await server.CreateClientAsync("admin", FixturePassword);
        using var secretary = await server.CreateClientAsync("ldib-secretary", FixturePassword);
        var decision = await secretary.GetFromJsonAsync<DecisionDetails>("/api/decisions/ldib-written-2031", ClockedServer.Json);
        decision!.Status.Should().Be(DecisionStatus.Open);
        decision.Voted.Should().ContainSingle();
        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        verify.GetProperty("intact").GetBoolean().Should().BeTrue();

        server.Kill();
        (await RemindersAsync(Path.Combine(_folder.Path, "boarddesk.db"))).Should().BeEquivalentTo(
            ["action-item/ldib-action-abfa3ec41900 action-due-soon", "action-item/ldib-action-abfa3ec41900 action-overdue", "decision/ldib-written-2031 close-written-procedure"],
            "the previous version's reminders are Orleans reminders now, each once");
    }

    private static async Task ExpectSameAsync(ServerProcess server, string path, string expectedFile)
    {
        var actual = JsonNode.Parse(await server.Client.GetStringAsync(path));
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Fixtures, "previous-version-answers", expectedFile)));
        JsonNode.DeepEquals(actual, expected).Should().BeTrue($"{path} answers as the previous version did:\n{actual}\nexpected\n{expected}");
    }

    private static async Task<List<string>> RemindersAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id || ' ' || name FROM orleans_reminders ORDER BY 1";
        var reminders = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            reminders.Add(reader.GetString(0));
        }

        return reminders;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
