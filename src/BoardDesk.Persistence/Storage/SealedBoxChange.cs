namespace BoardDesk.Persistence.Storage;

/// <summary>
/// What one turn does to its grain's sealed box: a durable multiset of values (a secret ballot's choices) that is
/// stored with no time, no order and nothing that ties a value to the turn that added it. The box is emptied first
/// when <see cref="Emptied"/> is set, then <see cref="Added"/> go in. A store applies it in the same transaction as
/// the turn's events and only after their concurrency check, so a value is stored exactly when the event that
/// accounts for it is (a voter roll entry); a commit with a sealed change and no events is refused.
/// </summary>
/// <param name="Added">The values to add.</param>
/// <param name="Emptied">Whether the grain's box is emptied (before adding).</param>
public sealed record SealedBoxChange(IReadOnlyList<string> Added, bool Emptied = false);
