using System.Globalization;
using BoardDesk.Persistence.Storage.PostgreSql;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Messaging;

namespace BoardDesk.Cluster.Tests;

/// <summary>
/// BoardDesk nodes as child processes (<see cref="ServerProcess"/>) on one PostgreSQL database, each with a data folder
/// of its own, the same journal key and the cluster's membership in the database; and an Orleans client that finds
/// the silos' gateways there.
/// </summary>
internal sealed class ClusterNodes(PostgreSqlDatabase database, string clusterId = "boarddesk") : IAsyncDisposable
{
    private readonly List<ServerProcess> _nodes = [];
    private readonly List<TemporaryFolder> _folders = [];
    private IHost? _client;

    /// <summary>Every node started, killed ones included.</summary>
    public IReadOnlyList<ServerProcess> Nodes => _nodes;

    /// <summary>Starts one more node, with <paramref name="settings"/> besides the cluster's, and waits until it answers /health.</summary>
    public async Task<ServerProcess> StartNodeAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = new TemporaryFolder();
        _folders.Add(folder);
        var node = await ServerProcess.StartAsync(folder.Path, new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["BoardDesk:Store"] = "PostgreSql",
            ["ConnectionStrings:BoardDesk"] = database.ConnectionString,
            ["BoardDesk:JournalKeyPath"] = database.KeyPath,
            ["BoardDesk:Cluster:ClusterId"] = clusterId,
            ["BoardDesk:Cluster:SiloPort"] = ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["BoardDesk:Cluster:GatewayPort"] = ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["BoardDesk:BallotsPerMinute"] = "100000",
            ["BoardDesk:SignInAttemptsPerMinute"] = "10000",
            ["BoardDesk:Runtime:ResponseTimeout"] = "00:00:05",
        });
        _nodes.Add(node);
        return node;
    }

    /// <summary>An Orleans client of the cluster, through the gateways the membership table lists.</summary>
    public async Task<IClusterClient> ClientAsync()
    {
        if (_client is null)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, "boarddesk"));
                client.Services.AddSingleton(_ => NpgsqlDataSource.Create(database.ConnectionString));
                client.Services.AddSingleton<IGatewayListProvider, PostgreSqlGatewayListProvider>();
                client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(10));
            });
            _client = builder.Build();
            await _client.StartAsync();
        }

        return _client.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>How many silos the membership table holds as active.</summary>
    public Task<long> ActiveSilosAsync() =>
        database.ScalarAsync($"SELECT count(*) FROM orleans_membership WHERE cluster_id = '{clusterId}' AND status = 3");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        foreach (var folder in _folders)
        {
            folder.Dispose();
        }
    }
}
