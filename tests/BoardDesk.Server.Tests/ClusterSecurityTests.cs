using System.Diagnostics;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests;

/// <summary>The Orleans gateway is a trust boundary: beyond loopback it needs TLS with client certificates.</summary>
public sealed class ClusterSecurityTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldRefuseToStartSayingWhy_WhenTheSiloWouldListenBeyondLoopbackWithoutTls()
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(RepositoryPaths.BuildOutput("src/BoardDesk.Server", "BoardDesk.Server.dll"));
        start.Environment["BoardDesk__DataPath"] = _folder.Path;
        start.Environment["BoardDesk__Cluster__AdvertisedAddress"] = "10.11.12.13";
        var run = await ChildProcessRun.RunAsync(start, TimeSpan.FromSeconds(60));

        run.ExitCode.Should().Be(2);
        run.Errors.Should().Contain("not loopback").And.Contain("BoardDesk:Cluster:Tls:CertificatePath");
        File.Exists(Path.Combine(_folder.Path, "boarddesk.db")).Should().BeFalse("nothing was started");
    }
}
