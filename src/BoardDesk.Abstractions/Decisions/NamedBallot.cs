namespace BoardDesk.Decisions;

/// <summary>One ballot of a named vote.</summary>
/// <param name="Unit">The ballot's holder: the member's name, or the organisation id when organisations vote.</param>
/// <param name="CastBy">The person who cast it (a member or a deputy).</param>
/// <param name="Choice">What it says.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.NamedBallot")]
public sealed record NamedBallot(string Unit, string CastBy, VoteChoice Choice);
