namespace BoardDesk.Decisions;

/// <summary>Closes voting.</summary>
/// <param name="CastingVote">The chair's casting vote, used only when a simple majority is tied.</param>
/// <param name="Consensus">For a consensus decision: whether the chair records that the board agreed.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.CloseVoting")]
public sealed record CloseVoting(VoteChoice? CastingVote = null, bool? Consensus = null);
