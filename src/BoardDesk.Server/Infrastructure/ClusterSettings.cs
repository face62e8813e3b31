using System.Net;
using System.Net.Sockets;

namespace BoardDesk.Server.Infrastructure;

/// <summary>Where this node's Orleans silo listens (configuration section <c>BoardDesk:Cluster</c>).</summary>
public sealed class ClusterSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BoardDesk:Cluster";

    /// <summary>The cluster's name: silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "boarddesk";

    /// <summary>The port silos talk to each other on; 0 picks a free port at start (tests).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients (the <c>boarddesk</c> tool) connect to; 0 picks a free port at start (tests).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address the silo and gateway listen on and tell others; loopback unless set.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>For a web node: the silos' gateways as <c>address:port</c>, comma-separated; the advertised address and gateway port when empty.</summary>
    public string Gateways { get; set; } = "";

    /// <summary>The gateways a web node connects to.</summary>
    public IReadOnlyList<IPEndPoint> GatewayEndpoints() => string.IsNullOrWhiteSpace(Gateways)
        ? [new IPEndPoint(IPAddress.Parse(AdvertisedAddress), GatewayPort)]
        : [.. Gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPEndPoint.Parse)];

    /// <summary>Failure detection of a cluster on PostgreSQL.</summary>
    public ClusterMembershipSettings Membership { get; set; } = new();

    /// <summary>TLS with client certificates; required when the silo listens on anything but loopback.</summary>
    public ClusterTlsSettings Tls { get; set; } = new();

    /// <summary>
    /// Why these settings may not be used, or null: a gateway on a non-loopback address lets anyone who reaches it call
    /// any grain, so it needs TLS with client certificates.
    /// </summary>
    public string? Refusal()
    {
        if (!IPAddress.TryParse(AdvertisedAddress, out var address))
        {
            return $"BoardDesk:Cluster:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.";
        }

        if (!IPAddress.IsLoopback(address) && (string.IsNullOrWhiteSpace(Tls.CertificatePath) || Tls.AllowedThumbprints().Count == 0))
        {
            return $"BoardDesk:Cluster:AdvertisedAddress is {address}, not loopback: the Orleans gateway would be open to the network. " +
                "Set BoardDesk:Cluster:Tls:CertificatePath and BoardDesk:Cluster:Tls:AllowedClientThumbprints (see docs/cli.md), or listen on 127.0.0.1.";
        }

        if (!string.IsNullOrWhiteSpace(Tls.CertificatePath) && !File.Exists(Tls.CertificatePath))
        {
            return $"BoardDesk:Cluster:Tls:CertificatePath: there is no file {Tls.CertificatePath}.";
        }

        return null;
    }

    /// <summary>The configured port, or a free one on the advertised address for 0.</summary>
    public static int Resolve(int port, IPAddress address)
    {
        if (port != 0)
        {
            return port;
        }

        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
