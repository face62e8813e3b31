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
    private readonly IDisposable _actingUser;

    private ClusterConnection(IHost host, string operatorName)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
        ReadModels = new ClusterReadModels(Grains);
        Operator = operatorName;
        _actingUser = ActingUser.Begin(operatorName);
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
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            host.Dispose();
            throw new CliFailure($"Cannot reach BoardDesk's gateway at {target.Address}:{target.GatewayPort} (cluster '{target.ClusterId}'): is the server running? {error.Message}");
        }

        return new ClusterConnection(host, target.Operator);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _actingUser.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }
}
