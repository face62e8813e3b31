using BoardDesk.Grains;
using BoardDesk.Persistence.Storage;

namespace BoardDesk.Persistence.Maintenance;

/// <summary>
/// The maintenance an operator runs through the cluster (the <c>boarddesk</c> tool): the store's health, the list of
/// journals, verifying their chains and rebuilding read models, in pieces so that the caller can show progress.
/// A stateless worker: it runs on the silo that receives the call.
/// </summary>
[Alias("BoardDesk.Persistence.Maintenance.IMaintenanceGrain")]
public interface IMaintenanceGrain : IGrainWithStringKey
{
    /// <summary>The store's health.</summary>
    [Alias("GetStoreStatusAsync")]
    Task<StoreStatus> GetStoreStatusAsync();

    /// <summary>Every journal the store holds, of every journaled grain type.</summary>
    [Alias("ListJournalsAsync")]
    Task<IReadOnlyList<JournalId>> ListJournalsAsync();

    /// <summary>Walks the chains of the given journals; the first broken entry of each broken one.</summary>
    [Alias("VerifyAsync")]
    Task<IReadOnlyList<ChainBreak>> VerifyAsync(IReadOnlyList<JournalId> journals);

    /// <summary>The store's whole verification: every chain and every signed checkpoint (a removed tail or journal, a rewritten chain).</summary>
    [Alias("VerifyAllAsync")]
    Task<ChainVerification> VerifyAllAsync();

    /// <summary>Writes the read-model document of each given grain again from its journal.</summary>
    [Alias("RebuildReadModelsAsync")]
    Task RebuildReadModelsAsync(IReadOnlyList<JournalId> journals);
}
