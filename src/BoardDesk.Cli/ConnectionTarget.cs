using System.Net;

namespace BoardDesk.Cli;

/// <summary>Where the tool connects and who it acts as.</summary>
/// <param name="Address">The gateway's address.</param>
/// <param name="GatewayPort">The gateway's port.</param>
/// <param name="ClusterId">The cluster's id.</param>
/// <param name="Operator">The name changes are journaled under.</param>
public sealed record ConnectionTarget(IPAddress Address, int GatewayPort, string ClusterId, string Operator)
{
    /// <summary>The operator's client certificate (PFX), for a gateway that requires TLS; null for plain TCP.</summary>
    public FileInfo? Certificate { get; init; }

    /// <summary>The client certificate's password.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>The silo certificate's thumbprint to pin; null to require a certificate this machine trusts.</summary>
    public string? ServerThumbprint { get; init; }
}
