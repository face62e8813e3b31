namespace BoardDesk.Persistence.Maintenance;

/// <summary>Implemented by every journaled grain: writes its read-model document again from its state.</summary>
[Alias("BoardDesk.Persistence.Maintenance.IReadModelRebuild")]
public interface IReadModelRebuild : IGrainWithStringKey
{
    /// <summary>Stores and publishes the document computed from the journal's state; nothing when the grain has none.</summary>
    [Alias("RebuildReadModelAsync")]
    Task RebuildReadModelAsync();
}
