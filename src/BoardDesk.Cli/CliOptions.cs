using System.CommandLine;
using System.Net;

namespace BoardDesk.Cli;

/// <summary>The options every command takes: where the cluster is, who acts, and how to print.</summary>
public static class CliOptions
{
    /// <summary>The gateway's address.</summary>
    public static readonly Option<string> Address = new("--address")
    {
        Description = "The gateway's address (BoardDesk:Cluster:AdvertisedAddress of a silo).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BOARDDESK__CLUSTER__ADVERTISEDADDRESS") ?? "127.0.0.1",
        Recursive = true,
    };

    /// <summary>The gateway's port.</summary>
    public static readonly Option<int> GatewayPort = new("--gateway-port")
    {
        Description = "The gateway's port (BoardDesk:Cluster:GatewayPort of a silo).",
        DefaultValueFactory = _ => int.TryParse(Environment.GetEnvironmentVariable("BOARDDESK__CLUSTER__GATEWAYPORT"), out var port) ? port : 30000,
        Recursive = true,
    };

    /// <summary>The cluster's id.</summary>
    public static readonly Option<string> ClusterId = new("--cluster-id")
    {
        Description = "The cluster's id (BoardDesk:Cluster:ClusterId).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BOARDDESK__CLUSTER__CLUSTERID") ?? "boarddesk",
        Recursive = true,
    };

    /// <summary>The operator the changes are journaled under.</summary>
    public static readonly Option<string> Operator = new("--operator")
    {
        Description = "The name this tool's changes are journaled under (default: operator:<your user name>).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BOARDDESK_OPERATOR") ?? $"operator:{Environment.UserName}",
        Recursive = true,
    };

    /// <summary>Machine-readable output.</summary>
    public static readonly Option<bool> Json = new("--json") { Description = "Print JSON instead of a table.", Recursive = true };

    /// <summary>The connection the options describe.</summary>
    public static ConnectionTarget Target(ParseResult parse)
    {
        var text = parse.GetValue(Address)!;
        if (!IPAddress.TryParse(text, out var address))
        {
            address = Dns.GetHostAddresses(text).FirstOrDefault() ?? throw new CliFailure($"'{text}' is not an address this machine can resolve.", 2);
        }

        return new ConnectionTarget(address, parse.GetValue(GatewayPort), parse.GetValue(ClusterId)!, parse.GetValue(Operator)!);
    }
}
