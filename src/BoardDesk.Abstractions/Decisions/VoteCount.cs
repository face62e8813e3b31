namespace BoardDesk.Decisions;

/// <summary>The counts of a vote.</summary>
/// <param name="For">Ballots for.</param>
/// <param name="Against">Ballots against.</param>
/// <param name="Abstain">Abstentions.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.VoteCount")]
public sealed record VoteCount(int For, int Against, int Abstain);
