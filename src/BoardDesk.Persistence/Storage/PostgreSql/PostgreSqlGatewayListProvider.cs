using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Messaging;

namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>
/// For Orleans clients (a web node, the command-line tool): the gateways of the cluster's active silos, read from the
/// membership table in PostgreSQL, so a client follows silos as they join, die and come back.
/// </summary>
public sealed class PostgreSqlGatewayListProvider(NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster) : IGatewayListProvider
{
    private readonly PostgreSqlMembershipTable _table = new(dataSource, cluster);

    /// <inheritdoc />
    public TimeSpan MaxStaleness { get; } = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public bool IsUpdatable => true;

    /// <inheritdoc />
    public Task InitializeGatewayListProvider() => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IList<Uri>> GetGateways() => _table.ActiveGatewaysAsync(cluster.Value.ClusterId);
}
