using System.Net;
using System.Net.Http.Json;
using BoardDesk.Organisations;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests;

public sealed class ServerProcessTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldKeepAcknowledgedChanges_WhenTheServerProcessIsKilledAndStartedAgain()
    {
        using (var server = await ServerProcess.StartAsync(_folder.Path))
        {
            await server.AuthorizeAsync();
            (await server.Client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
            var renamed = await server.Client.PostAsJsonAsync("/api/organisations/dh/rename", new { name = "Department of Health and Social Care", effectiveOn = "2018-01-09" });
            renamed.StatusCode.Should().Be(HttpStatusCode.OK);
            server.Kill();
        }

        using var restarted = await ServerProcess.StartAsync(_folder.Path);
        var organisations = await restarted.Client.GetFromJsonAsync<OrganisationDetails[]>("/api/organisations");

        organisations.Should().HaveCount(14, "the LDIB 2015 samples hold 14 organisations");
        organisations.Should().ContainSingle(o => o.Id == "dh").Which.Name.Should().Be("Department of Health and Social Care");
    }

    [Fact]
    public async Task ShouldKillTheServerAndLeaveNothingRunning_WhenItDoesNotBecomeHealthyInTime()
    {
        // No time at all: the server cannot be healthy before the first look, however fast the machine.
        var start = () => ServerProcess.StartAsync(_folder.Path, healthyWithin: TimeSpan.Zero);

        (await start.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("was killed");
        ProcessesWithDataPath(_folder.Path).Should().BeEmpty("a server that never became healthy must not outlive the test that started it");
    }

    [Fact]
    public async Task ShouldAnswer413Problem_WhenKestrelReceivesAnOversizedBodyWithoutALength()
    {
        using var server = await ServerProcess.StartAsync(_folder.Path, new Dictionary<string, string> { ["BoardDesk:MaxRequestBodyBytes"] = "4096" });
        await server.AuthorizeAsync(); // Only a caller allowed to write gets as far as sending the body.
        // A streamed body carries no Content-Length, so only the web server's own limit can stop it.
        var body = new PushStreamContent(async stream =>
        {
            var chunk = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"huge\",\"name\":\"" + new string('x', 16_000));
            await stream.WriteAsync(chunk);
            await stream.WriteAsync("\",\"kind\":\"Programme\"}"u8.ToArray());
        });
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await server.Client.PostAsync("/api/organisations", body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await server.Client.GetAsync("/api/organisations/huge")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>The ids of the running processes whose environment names <paramref name="dataPath"/> as BoardDesk's data folder.</summary>
    private static List<int> ProcessesWithDataPath(string dataPath)
    {
        var variable = $"BoardDesk__DataPath={dataPath}";
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(folder, "environ")).Split('\0').Contains(variable))
                    {
                        found.Add(pid);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another user's process, or one that ended while it was being read: not one this test started.
                }
            }
        }

        return found;
    }

    private sealed class PushStreamContent(Func<Stream, Task> write) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => write(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
