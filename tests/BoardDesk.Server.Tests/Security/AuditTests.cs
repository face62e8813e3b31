using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using BoardDesk.Server.Endpoints;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Server.Tests.Security;

public sealed class AuditTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldNameTheAlteredEntry_WhenAJournalRowIsEditedInTheDatabaseFile()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        (await client.PostAsJsonAsync("/api/organisations/monitor/rename", new { name = "Monitor (renamed)", effectiveOn = "2015-09-01" })).EnsureSuccessStatusCode();
        (await client.GetFromJsonAsync<Audit.VerificationReport>("/api/audit/verify"))!.Intact.Should().BeTrue();

        await TamperAsync("UPDATE events SET payload = replace(payload, 'Monitor (renamed)', 'Monitor (forged)') WHERE grain = 'organisation/monitor' AND seq = 2");
        var report = await client.GetFromJsonAsync<Audit.VerificationReport>("/api/audit/verify");

        report!.Intact.Should().BeFalse();
        report.Breaks.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Grain = "organisation/monitor", Sequence = 2L });
    }

    [Fact]
    public async Task ShouldExitWithOneAndNameTheEntry_WhenTheVerifyCommandFindsARemovedEntry()
    {
        await using (var api = BoardDeskApi.OnFreshData(_folder))
        {
            var client = await api.OperatorClientAsync();
            (await client.PostAsJsonAsync("/api/organisations/dh/rename", new { name = "Department of Health and Social Care", effectiveOn = "2018-01-09" })).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/api/organisations/dh/rename", new { name = "DHSC", effectiveOn = "2018-02-01" })).EnsureSuccessStatusCode();
        }

        await TamperAsync("DELETE FROM events WHERE grain = 'organisation/dh' AND seq = 2");
        var (exitCode, output) = await RunVerifyAsync();

        exitCode.Should().Be(1);
        output.Should().Contain("BROKEN organisation/dh at entry 2");
    }

    [Fact]
    public async Task ShouldRefuseToServeTheGrainWith503AndNameIt_WhenTheLastEntryOfAJournalIsDeletedWhileTheServerIsStopped()
    {
        await using (var api = BoardDeskApi.OnFreshData(_folder))
        {
            var admin = await api.SignedInClientAsync("admin");
            (await admin.PutAsJsonAsync("/api/accounts/ldib-observer/enabled", new { enabled = false })).EnsureSuccessStatusCode();
        }

        // Cutting off the journal's last entry would enable the account again, if the cut went unnoticed.
        await TamperAsync("DELETE FROM events WHERE grain = 'account/ldib-observer' AND seq = (SELECT max(seq) FROM events WHERE grain = 'account/ldib-observer')");
        var logs = new CapturedLogs();
        await using var restarted = BoardDeskApi.OnFreshData(_folder);
        await using var logged = restarted.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        var signIn = await logged.CreateClient().PostAsJsonAsync("/api/session", new { userName = "ldib-observer", password = BoardDeskApi.SamplePassword });

        signIn.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var problem = (await signIn.Content.ReadFromJsonAsync<ProblemDetails>())!;
        problem.Detail.Should().Contain("fails verification").And.NotContain("   at ");
        logs.Messages.Should().ContainSingle(m => m.StartsWith("Refused POST /api/session with 503", StringComparison.Ordinal))
            .Which.Should().Contain("account/ldib-observer").And.Contain("was removed");
        var administrator = logged.CreateClient();
        (await administrator.PostAsJsonAsync("/api/session", new { userName = "admin", password = BoardDeskApi.SamplePassword })).EnsureSuccessStatusCode();
        var report = await administrator.GetFromJsonAsync<Audit.VerificationReport>("/api/audit/verify");
        report!.Breaks.Should().ContainSingle().Which.Should().Match<Audit.BrokenEntry>(b => b.Grain == "account/ldib-observer" && b.Reason.Contains("was removed"));
        var (exitCode, output) = await RunVerifyAsync();
        exitCode.Should().Be(1);
        output.Should().Contain("BROKEN account/ldib-observer");
    }

    private async Task TamperAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_folder.File("boarddesk.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        (await command.ExecuteNonQueryAsync()).Should().Be(1);
    }

    private async Task<(int ExitCode, string Output)> RunVerifyAsync()
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(RepositoryPaths.BuildOutput("src/BoardDesk.Server", "BoardDesk.Server.dll"));
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(_folder.Path);
        var run = await ChildProcessRun.RunAsync(start, TimeSpan.FromSeconds(120));
        return (run.ExitCode, run.Output);
    }
}
