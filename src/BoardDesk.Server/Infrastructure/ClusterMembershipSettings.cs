using Orleans.Configuration;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// How fast a cluster on PostgreSQL declares a silent node dead (section <c>BoardDesk:Cluster:Membership</c>). Orleans'
/// defaults take tens of seconds; these take about three: each silo probes others every <see cref="ProbeTimeout"/>,
/// and after <see cref="MissedProbesLimit"/> missed probes <see cref="VotesForDeath"/> suspicion declares the node dead
/// in the membership table. The price: a node stalled longer than that (a long garbage collection, a starved thread
/// pool) is declared dead too, and must restart to rejoin; its grains move to the others meanwhile.
/// </summary>
public sealed class ClusterMembershipSettings
{
    /// <summary>How long a probe waits for an answer, and how often one is sent.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes in a row after which a silo suspects another.</summary>
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>Suspicions needed to declare a silo dead.</summary>
    public int VotesForDeath { get; set; } = 1;

    /// <summary>How often each silo reads the membership table.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a suspicion counts.</summary>
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a silo writes that it is alive.</summary>
    public TimeSpan IAmAlivePublish { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the row of a dead silo stays in the table.</summary>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Copies these settings onto Orleans' options.</summary>
    public void ApplyTo(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = MissedProbesLimit;
        options.NumVotesForDeathDeclaration = VotesForDeath;
        options.TableRefreshTimeout = TableRefreshTimeout;
        options.DeathVoteExpirationTimeout = DeathVoteExpiration;
        options.IAmAliveTablePublishTimeout = IAmAlivePublish;
        options.DefunctSiloExpiration = DefunctSiloExpiration;
        options.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(10);
    }
}
