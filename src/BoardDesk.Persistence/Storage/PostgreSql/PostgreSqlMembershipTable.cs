using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>
/// Orleans' cluster membership table on the shared PostgreSQL database (BoardDesk's own schema, migration 3). Orleans
/// relies on compare-and-swap: every insert or update of a silo's row also moves the cluster's table version, and
/// succeeds only when both the version's ETag and (for an update) the row's ETag are still the ones the caller read;
/// otherwise nothing changes and the answer is false, so two silos voting on one suspect never overwrite each other.
/// </summary>
public sealed class PostgreSqlMembershipTable(NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster) : IMembershipTable
{
    private const string Columns = "address, status, proxy_port, host_name, silo_name, role_name, update_zone, fault_zone, start_time, iamalive_time, suspect_times, etag";

    private string ClusterId => cluster.Value.ClusterId;

    /// <inheritdoc />
    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await PostgreSqlSchema.MigrateAsync(dataSource);
        if (tryInitTableVersion)
        {
            await using var command = dataSource.CreateCommand("INSERT INTO orleans_membership_version(cluster_id, version, etag) VALUES($1, 0, $2) ON CONFLICT DO NOTHING");
            command.Parameters.AddWithValue(ClusterId);
            command.Parameters.AddWithValue(NewEtag());
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <inheritdoc />
    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM orleans_membership_version WHERE cluster_id = $1");
        command.Parameters.AddWithValue(clusterId);
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM orleans_membership WHERE cluster_id = $1 AND status = $2 AND iamalive_time < $3");
        command.Parameters.AddWithValue(ClusterId);
        command.Parameters.AddWithValue((int)SiloStatus.Dead);
        command.Parameters.AddWithValue(beforeDate.UtcDateTime);
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key);

    /// <inheritdoc />
    public Task<MembershipTableData> ReadAll() => ReadAsync(null);

    /// <inheritdoc />
    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await MoveVersionAsync(connection, transaction, tableVersion))
        {
            return false;
        }

        await using var insert = new NpgsqlCommand(
            $"INSERT INTO orleans_membership(cluster_id, {Columns}) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING",
            connection, transaction);
        insert.Parameters.AddWithValue(ClusterId);
        insert.Parameters.AddWithValue(entry.SiloAddress.ToParsableString());
        AddFields(insert, entry);
        insert.Parameters.AddWithValue(NewEtag());
        if (await insert.ExecuteNonQueryAsync() != 1)
        {
            return false;
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await MoveVersionAsync(connection, transaction, tableVersion))
        {
            return false;
        }

        await using var update = new NpgsqlCommand(
            "UPDATE orleans_membership SET status = $3, proxy_port = $4, host_name = $5, silo_name = $6, role_name = $7, update_zone = $8, fault_zone = $9, " +
            "start_time = $10, iamalive_time = $11, suspect_times = $12, etag = $13 WHERE cluster_id = $1 AND address = $2 AND etag = $14",
            connection, transaction);
        update.Parameters.AddWithValue(ClusterId);
        update.Parameters.AddWithValue(entry.SiloAddress.ToParsableString());
        AddFields(update, entry);
        update.Parameters.AddWithValue(NewEtag());
        update.Parameters.AddWithValue(etag);
        if (await update.ExecuteNonQueryAsync() != 1)
        {
            return false;
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <inheritdoc />
    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        await using var command = dataSource.CreateCommand("UPDATE orleans_membership SET iamalive_time = $3 WHERE cluster_id = $1 AND address = $2");
        command.Parameters.AddWithValue(ClusterId);
        command.Parameters.AddWithValue(entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue(DateTime.SpecifyKind(entry.IAmAliveTime, DateTimeKind.Utc));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The active silos' gateways, for clients (<see cref="PostgreSqlGatewayListProvider"/>).</summary>
    internal async Task<IList<Uri>> ActiveGatewaysAsync(string clusterId)
    {
        await using var command = dataSource.CreateCommand("SELECT address, proxy_port FROM orleans_membership WHERE cluster_id = $1 AND status = $2 AND proxy_port > 0");
        command.Parameters.AddWithValue(clusterId);
        command.Parameters.AddWithValue((int)SiloStatus.Active);
        var gateways = new List<Uri>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var silo = SiloAddress.FromParsableString(reader.GetString(0));
            gateways.Add(SiloAddress.New(silo.Endpoint.Address, reader.GetInt32(1), silo.Generation).ToGatewayUri());
        }

        return gateways;
    }

    private async Task<bool> MoveVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TableVersion tableVersion)
    {
        await using var command = new NpgsqlCommand("UPDATE orleans_membership_version SET version = $2, etag = $3 WHERE cluster_id = $1 AND etag = $4", connection, transaction);
        command.Parameters.AddWithValue(ClusterId);
        command.Parameters.AddWithValue(tableVersion.Version);
        command.Parameters.AddWithValue(NewEtag());
        command.Parameters.AddWithValue(tableVersion.VersionEtag);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private async Task<MembershipTableData> ReadAsync(SiloAddress? key)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        TableVersion version;
        await using (var command = new NpgsqlCommand("SELECT version, etag FROM orleans_membership_version WHERE cluster_id = $1", connection, transaction))
        {
            command.Parameters.AddWithValue(ClusterId);
            await using var reader = await command.ExecuteReaderAsync();
            version = await reader.ReadAsync() ? new TableVersion(reader.GetInt32(0), reader.GetString(1)) : new TableVersion(0, "");
        }

        var members = new List<Tuple<MembershipEntry, string>>();
        await using (var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM orleans_membership WHERE cluster_id = $1" + (key is null ? "" : " AND address = $2"), connection, transaction))
        {
            command.Parameters.AddWithValue(ClusterId);
            if (key is not null)
            {
                command.Parameters.AddWithValue(key.ToParsableString());
            }

            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                members.Add(Tuple.Create(ReadEntry(reader), reader.GetString(11)));
            }
        }

        await transaction.CommitAsync();
        return new MembershipTableData(members, version);
    }

    private static MembershipEntry ReadEntry(NpgsqlDataReader reader) => new()
    {
        SiloAddress = SiloAddress.FromParsableString(reader.GetString(0)),
        Status = (SiloStatus)reader.GetInt32(1),
        ProxyPort = reader.GetInt32(2),
        HostName = reader.GetString(3),
        SiloName = reader.GetString(4),
        RoleName = reader.GetString(5),
        UpdateZone = reader.GetInt32(6),
        FaultZone = reader.GetInt32(7),
        StartTime = DateTime.SpecifyKind(reader.GetDateTime(8), DateTimeKind.Utc),
        IAmAliveTime = DateTime.SpecifyKind(reader.GetDateTime(9), DateTimeKind.Utc),
        SuspectTimes = ParseSuspects(reader.GetString(10)),
    };

    private static void AddFields(NpgsqlCommand command, MembershipEntry entry)
    {
        command.Parameters.AddWithValue((int)entry.Status);
        command.Parameters.AddWithValue(entry.ProxyPort);
        command.Parameters.AddWithValue(entry.HostName ?? "");
        command.Parameters.AddWithValue(entry.SiloName ?? "");
        command.Parameters.AddWithValue(entry.RoleName ?? "");
        command.Parameters.AddWithValue(entry.UpdateZone);
        command.Parameters.AddWithValue(entry.FaultZone);
        command.Parameters.AddWithValue(DateTime.SpecifyKind(entry.StartTime, DateTimeKind.Utc));
        command.Parameters.AddWithValue(DateTime.SpecifyKind(entry.IAmAliveTime, DateTimeKind.Utc));
        command.Parameters.AddWithValue(FormatSuspects(entry.SuspectTimes));
    }

    // A suspicion is "address,ticks"; suspicions are separated by '|', which neither part contains.
    private static string FormatSuspects(List<Tuple<SiloAddress, DateTime>>? suspects) =>
        string.Join('|', (suspects ?? []).Select(s => s.Item1.ToParsableString() + "," + s.Item2.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture)));

    private static List<Tuple<SiloAddress, DateTime>> ParseSuspects(string text) =>
        [.. text.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(s =>
        {
            var comma = s.LastIndexOf(',');
            return Tuple.Create(SiloAddress.FromParsableString(s[..comma]), new DateTime(long.Parse(s[(comma + 1)..], CultureInfo.InvariantCulture), DateTimeKind.Utc));
        })];

    private static string NewEtag() => Guid.NewGuid().ToString("N");
}
