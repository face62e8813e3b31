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

    /// <summary>The operator's client certificate, for a gateway that requires TLS.</summary>
    public static readonly Option<FileInfo?> Certificate = new("--certificate")
    {
        Description = "The operator's client certificate (PFX) for a gateway that requires TLS (see docs/cli.md).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BOARDDESK_CERTIFICATE") is { Length: > 0 } path ? new FileInfo(path) : null,
        Recursive = true,
    };

    /// <summary>The client certificate's password.</summary>
    public static readonly Option<string?> CertificatePassword = new("--certificate-password")
    {
        Description = "The client certificate's password (or BOARDDESK_CERTIFICATE_PASSWORD).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BOARDDESK_CERTIFICATE_PASSWORD"),
        Recursive = true,
    };

    /// <summary>The server certificate's thumbprint, when it is not from a trusted authority.</summary>
    public static readonly Option<string?> ServerThumbprint = new("--server-thumbprint")
    {
        Description = "The SHA-1 thumbprint of the silo's certificate, when it is not issued by an authority this machine trusts.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BOARDDESK_SERVER_THUMBPRINT"),
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

        var certificate = parse.GetValue(Certificate);
        if (certificate is { Exists: false })
        {
            throw new CliFailure($"There is no certificate file {certificate.FullName}.", 2);
        }

        return new ConnectionTarget(address, parse.GetValue(GatewayPort), parse.GetValue(ClusterId)!, parse.GetValue(Operator)!)
        {
            Certificate = certificate,
            CertificatePassword = parse.GetValue(CertificatePassword),
            ServerThumbprint = parse.GetValue(ServerThumbprint)?.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant(),
        };
    }
}
