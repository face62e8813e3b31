namespace BoardDesk.Persistence.Storage;

/// <summary>The read-model documents of one kind written after a version, and the version they bring the reader to.</summary>
/// <param name="Version">The version to ask from next time.</param>
/// <param name="Documents">The documents written since, as JSON keyed by id.</param>
public sealed record DocumentChanges(long Version, IReadOnlyDictionary<string, string> Documents);
