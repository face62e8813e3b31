using System.Net;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Server.Tests.Papers;

public sealed class PaperPagesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("/papers/x?version=abc", "version")]
    [InlineData("/papers/x?version=99999999999", "version")]
    [InlineData("/papers/x?version=-1", "version")]
    [InlineData("/papers/x/compare?from=abc&to=1", "from")]
    [InlineData("/papers/x/compare?from=1&to=4294967296", "to")]
    public async Task ShouldAnswer400WithAPageNamingTheValueAndLogNoError_WhenAQueryValueIsNotANumber(string path, string field)
    {
        var logs = new CapturedLogs();
        await using var api = BoardDeskApi.OnFreshData(_folder);
        await using var logged = api.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        using var response = await logged.CreateClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain($"&#x27;{field}&#x27;").And.Contain("not a version number");
        logs.Entries.Should().NotContain(e => e.Level >= LogLevel.Error || e.Exception != null, "a bad address is the caller's mistake, not the server's");
        logs.Messages.Should().ContainSingle(m => m.StartsWith("Refused /papers/x", StringComparison.Ordinal)).Which.Should().NotContain("\n");
    }
}
