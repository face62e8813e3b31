using BoardDesk.Decisions;

namespace BoardDesk.Server.Infrastructure;

/// <summary>One ballot of a named vote, as the tally shows it.</summary>
/// <param name="Unit">The ballot's holder: the member's name, or the organisation when organisations vote.</param>
/// <param name="CastBy">Who cast it.</param>
/// <param name="Choice">What it says.</param>
/// <param name="ChoiceText">What it says, in words.</param>
public sealed record TallyBallot(string Unit, string CastBy, VoteChoice Choice, string ChoiceText);
