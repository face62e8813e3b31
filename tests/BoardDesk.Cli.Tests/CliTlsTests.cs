using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BoardDesk.Testing;

namespace BoardDesk.Cli.Tests;

/// <summary>A gateway with TLS and pinned client certificates: the tool connects with an allowed certificate only.</summary>
public sealed class CliTlsTests : IAsyncLifetime
{
    private const string Password = "certificate password";
    private readonly TemporaryFolder _folder = new();
    private ServerProcess _server = null!;
    private int _gatewayPort;
    private string _siloThumbprint = "";

    public async Task InitializeAsync()
    {
        var (siloPath, silo) = Certificate("boarddesk-silo");
        var (_, allowed) = Certificate("operator-allowed");
        Certificate("operator-other");
        _siloThumbprint = silo.Thumbprint;
        _gatewayPort = ServerProcess.FreePort();
        _server = await ServerProcess.StartAsync(_folder.File("data"), new Dictionary<string, string>
        {
            ["BoardDesk:Cluster:SiloPort"] = ServerProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BoardDesk:Cluster:GatewayPort"] = _gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BoardDesk:Cluster:Tls:CertificatePath"] = siloPath,
            ["BoardDesk:Cluster:Tls:CertificatePassword"] = Password,
            ["BoardDesk:Cluster:Tls:AllowedClientThumbprints"] = allowed.Thumbprint,
        });
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ShouldConnectOnlyWithAnAllowedClientCertificate_WhenTheGatewayRequiresTls()
    {
        var allowed = await CliRun.RunAsync(_gatewayPort, "status", "--certificate", _folder.File("operator-allowed.pfx"), "--certificate-password", Password, "--server-thumbprint", _siloThumbprint);
        var other = await CliRun.RunAsync(_gatewayPort, "status", "--certificate", _folder.File("operator-other.pfx"), "--certificate-password", Password, "--server-thumbprint", _siloThumbprint);
        var plain = await CliRun.RunAsync(_gatewayPort, "status");

        _server.Output.Should().Contain("TLS with client certificates");
        allowed.ExitCode.Should().Be(0, allowed.Errors);
        allowed.Output.Should().Contain("Active");
        other.ExitCode.Should().Be(3, "a certificate that is not on the list is refused");
        plain.ExitCode.Should().Be(3, "a client without a certificate is refused");
    }

    private (string Path, X509Certificate2 Certificate) Certificate(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = _folder.File($"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return (path, certificate);
    }
}
