using BoardDesk.Runtime.Storage;

namespace BoardDesk.Runtime;

/// <summary>What a turn commits, and the read-model document to publish once it is durable.</summary>
internal sealed record PreparedTurn(JournalCommit Commit, object? Document);
