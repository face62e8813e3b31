using System.Net;
using BoardDesk.Grains;
using BoardDesk.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace BoardDesk.Cli;

/// <summary>
/// An Orleans client connected to a BoardDesk silo's gateway, and the operator it acts as: every change the tool
/// makes is journaled under that name.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, string operatorName)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
        ReadModels = new ClusterReadModels(Grains);
        Operator = operatorName;
    }

    /// <summary>The grains, through the gateway.</summary>
    public IClusterClient Grains { get; }

    /// <summary>The silo's read models, through the gateway.</summary>
    public IReadModels ReadModels { get; }

    /// <summary>The name the tool's changes are journaled under.</summary>
    public string Operator { get; }

    /// <summary>Connects to the gateway at <paramref name="target"/>; fails with a sentence a person can act on.</summary>
    public static async Task<ClusterConnection> ConnectAsync(ConnectionTarget target, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error);
        builder.Logging.AddFilter("Orleans", LogLevel.None);
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(target.Address, target.GatewayPort));
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = target.ClusterId;
                cluster.ServiceId = "boarddesk";
            });
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(60));
            if (target.Certificate is { } certificateFile)
            {
                var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(certificateFile.FullName, target.CertificatePassword);
                client.UseTls(certificate, tls => tls.RemoteCertificateValidation = (remote, _, errors) =>
                    remote is not null && (target.ServerThumbprint is { } pinned ? remote.Thumbprint == pinned : errors == System.Net.Security.SslPolicyErrors.None));
            }

            // A tool answers at once when the server is not there, rather than waiting for it to appear.
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        });
        var host = builder.Build();
        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connecting.CancelAfter(TimeSpan.FromSeconds(20));
            await host.StartAsync(connecting.Token);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new CliFailure($"Cannot reach BoardDesk's gateway at {target.Address}:{target.GatewayPort} (cluster '{target.ClusterId}'): is the server running? ({error.GetType().Name})", 3);
        }

        return new ClusterConnection(host, target.Operator);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
