using System.Net;

namespace BoardDesk.Cli;

/// <summary>Where the tool connects and who it acts as.</summary>
/// <param name="Address">The gateway's address.</param>
/// <param name="GatewayPort">The gateway's port.</param>
/// <param name="ClusterId">The cluster's id.</param>
/// <param name="Operator">The name changes are journaled under.</param>
public sealed record ConnectionTarget(IPAddress Address, int GatewayPort, string ClusterId, string Operator);
