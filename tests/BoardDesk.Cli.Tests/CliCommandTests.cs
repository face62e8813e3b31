using System.Net.Http.Json;
using System.Text.Json;
using BoardDesk.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;

namespace BoardDesk.Cli.Tests;

/// <summary>
/// The <c>boarddesk</c> tool as operators use it: a child process talking to a running server's Orleans gateway, its
/// output and its exit codes.
/// </summary>
public sealed class CliCommandTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private ServerProcess _server = null!;
    private int _siloPort;
    private int _gatewayPort;

    public async Task InitializeAsync()
    {
        _siloPort = ServerProcess.FreePort();
        _gatewayPort = ServerProcess.FreePort();
        _server = await ServerProcess.StartAsync(_folder.Path, new Dictionary<string, string>
        {
            ["BoardDesk:Cluster:SiloPort"] = _siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BoardDesk:Cluster:GatewayPort"] = _gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await _server.AuthorizeAsync();
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private Task<CliRun> RunAsync(params string[] arguments) => CliRun.RunAsync(_gatewayPort, arguments);

    [Fact]
    public async Task ShouldListTheSiloTheActivationsAndAHealthyStore_WhenStatusIsAsked()
    {
        var run = await RunAsync("status");

        run.ExitCode.Should().Be(0, run.Errors);
        run.Output.Should().Contain($"127.0.0.1:{_siloPort}").And.Contain("Active").And.Contain("OrganisationGrain").And.Contain("healthy");
        var json = JsonDocument.Parse((await RunAsync("status", "--json")).Output).RootElement;
        json.GetProperty("silos").EnumerateArray().Should().ContainSingle().Which.GetProperty("status").GetString().Should().Be("Active");
        json.GetProperty("store").GetProperty("healthy").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task ShouldNameTheBadRowsAndImportNothing_WhenTheCsvHasErrors()
    {
        await CreateReviewAsync("cli-review-bad");
        var csv = _folder.File("bad.csv");
        await File.WriteAllTextAsync(csv, "number,text\n1,A good recommendation\nx,A bad number\n3,\n");

        var run = await RunAsync("import", "review", "cli-review-bad", csv);

        run.ExitCode.Should().Be(1);
        run.Errors.Should().Contain("row 3").And.Contain("row 4");
        (await RegisterCountAsync("cli-review-bad")).Should().Be(0, "an import is all or nothing");
    }

    [Fact]
    public async Task ShouldImportEveryRowAndExportThemAsXlsx_WhenTheCsvIsGood()
    {
        await CreateReviewAsync("cli-review");
        var csv = _folder.File("good.csv");
        await File.WriteAllTextAsync(csv, "number,text\n1,Create a national leadership strategy\n2,Publish a talent plan\n");

        var imported = await RunAsync("import", "review", "cli-review", csv);
        var xlsx = _folder.File("register.xlsx");
        var exported = await RunAsync("export", "register", "--review", "cli-review", "--format", "xlsx", "--out", xlsx);

        imported.ExitCode.Should().Be(0, imported.Errors);
        imported.Output.Should().Contain("Imported 2 recommendations into cli-review");
        imported.Errors.Should().Contain("Acting as operator:tests");
        (await RegisterCountAsync("cli-review")).Should().Be(2);
        exported.ExitCode.Should().Be(0, exported.Errors);
        using var workbook = SpreadsheetDocument.Open(xlsx, isEditable: false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        rows.Should().HaveCount(3, "a header row and the two recommendations");
        string.Concat(rows[1].Descendants<Text>().Select(t => t.Text)).Should().Contain("Create a national leadership strategy");
    }

    [Fact]
    public async Task ShouldNameTheAlteredEntryAndExitNonZero_WhenAJournalRowWasChanged()
    {
        (await RunAsync("verify")).ExitCode.Should().Be(0);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, "boarddesk.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE events SET payload = replace(payload, 'Monitor', 'Monitor Ltd') WHERE grain = 'organisation/monitor' AND seq = 1";
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var run = await RunAsync("verify");

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("BROKEN organisation/monitor at entry 1").And.Contain("1 of");
    }

    [Fact]
    public async Task ShouldPassOnTheGrainsReason_WhenACommandIsRefused()
    {
        var run = await RunAsync("accounts", "create", "admin", "--name", "Another admin", "--password", "a long enough passphrase");

        run.ExitCode.Should().Be(1);
        run.Errors.Should().Contain("Refused:").And.Contain("admin");
    }

    [Fact]
    public async Task ShouldJournalTheOperator_WhenAnAccountIsCreatedListedAndDisabled()
    {
        var created = await RunAsync("accounts", "create", "cli-secretary", "--name", "Pat Secretary", "--password", "a long enough passphrase for pat");
        var disabled = await RunAsync("accounts", "disable", "cli-secretary");
        var listed = await RunAsync("accounts", "list", "--json");

        created.ExitCode.Should().Be(0, created.Errors);
        disabled.ExitCode.Should().Be(0, disabled.Errors);
        var account = JsonDocument.Parse(listed.Output).RootElement.EnumerateArray().Single(a => a.GetProperty("userName").GetString() == "cli-secretary");
        account.GetProperty("enabled").GetBoolean().Should().BeFalse();
        (await JournalUsersAsync("account/cli-secretary")).Should().OnlyContain(user => user == "operator:tests", "every change the tool makes is journaled under its operator");
    }

    [Fact]
    public async Task ShouldListBoardsMeetingsAndOverdueActions_WhenAsked()
    {
        var boards = await RunAsync("boards", "list", "--json");
        var meetings = await RunAsync("meetings", "list", "ldib");
        var unknown = await RunAsync("meetings", "list", "no-such-board");
        var overdue = await RunAsync("actions", "overdue", "--board", "ldib", "--json");

        JsonDocument.Parse(boards.Output).RootElement.EnumerateArray().Select(b => b.GetProperty("id").GetString()).Should().Contain("ldib");
        meetings.ExitCode.Should().Be(0, meetings.Errors);
        unknown.ExitCode.Should().Be(1);
        unknown.Errors.Should().Contain("There is no board 'no-such-board'");
        overdue.ExitCode.Should().Be(0, overdue.Errors);
        JsonDocument.Parse(overdue.Output).RootElement.ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public async Task ShouldSayWhyAndExitThree_WhenNoServerListensOnTheGateway()
    {
        var run = await CliRun.RunAsync(ServerProcess.FreePort(), "status");

        run.ExitCode.Should().Be(3);
        run.Errors.Should().Contain("Cannot reach BoardDesk's gateway").And.Contain("is the server running?");
    }

    private async Task CreateReviewAsync(string id) =>
        (await _server.Client.PostAsJsonAsync("/api/reviews", new { id, title = "A review for the tool's tests", lead = "Tests", publishedOn = "2015-06-01" })).EnsureSuccessStatusCode();

    private async Task<int> RegisterCountAsync(string reviewId) =>
        (await _server.Client.GetFromJsonAsync<JsonElement>($"/api/recommendations?reviewId={reviewId}")).GetProperty("total").GetInt32();

    private async Task<List<string>> JournalUsersAsync(string grain)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, "boarddesk.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user FROM events WHERE grain = $grain ORDER BY seq";
        command.Parameters.AddWithValue("$grain", grain);
        var users = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            users.Add(reader.GetString(0));
        }

        return users;
    }
}
