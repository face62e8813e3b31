namespace BoardDesk.Decisions;

/// <summary>A ballot as cast: who casts it (a member, or a deputy) and what it says.</summary>
/// <param name="Voter">The name of the member or deputy casting it, as on the board.</param>
/// <param name="Choice">For, against or abstain.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.CastBallot")]
public sealed record CastBallot(string Voter, VoteChoice Choice);
