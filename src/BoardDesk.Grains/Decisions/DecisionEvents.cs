using BoardDesk.Runtime;

namespace BoardDesk.Decisions;

/// <summary>The base of every decision event.</summary>
public abstract record DecisionEvent;

/// <summary>The decision was proposed, with its effects (each with its id).</summary>
[JournalEvent("DecisionProposed")]
public sealed record DecisionProposed(
    string BoardId,
    string? MeetingId,
    int? AgendaItemId,
    DateTimeOffset? ClosesAt,
    string Motion,
    IReadOnlyList<string> PaperIds,
    DecisionMethod Method,
    BallotKind Ballot,
    VotingUnit Unit,
    IReadOnlyList<DecisionEffect> Effects,
    string ProposedBy) : DecisionEvent;

/// <summary>Voting opened: who may vote (person and the ballot holder they cast for), who is recused, and the quorum.</summary>
[JournalEvent("DecisionVotingOpened")]
public sealed record DecisionVotingOpened(
    IReadOnlyList<EligibleVoter> Voters,
    IReadOnlyList<string> Recused,
    string Quorum,
    int MinimumOrganisations,
    DateTimeOffset At) : DecisionEvent;

/// <summary>A named ballot was cast, replacing any earlier ballot of the same holder.</summary>
[JournalEvent("DecisionBallotCast")]
public sealed record DecisionBallotCast(string Unit, string CastBy, VoteChoice Choice) : DecisionEvent;

/// <summary>
/// The voter roll of a secret ballot: that a holder voted, never what. The choice is held sealed in memory
/// (<see cref="SealedBallotBox"/>) and only ever stored as part of the counts in <see cref="DecisionVotingClosed"/>.
/// </summary>
[JournalEvent("DecisionSecretVoteRecorded")]
public sealed record DecisionSecretVoteRecorded(string Unit) : DecisionEvent;

/// <summary>
/// Voting closed with its immutable outcome. For a carried decision it is also the plan: the effects recorded at
/// proposal become pending, and are applied exactly once from here.
/// </summary>
[JournalEvent("DecisionVotingClosed")]
public sealed record DecisionVotingClosed(
    VoteCount Count,
    VoteChoice? CastingVote,
    DecisionOutcome Outcome,
    string Quorum,
    int LostSecretBallots,
    DateTimeOffset At) : DecisionEvent;

/// <summary>One effect of the carried decision was applied to its owning grain.</summary>
[JournalEvent("DecisionEffectApplied")]
public sealed record DecisionEffectApplied(string EffectId) : DecisionEvent;

/// <summary>Every effect of the carried decision was applied.</summary>
[JournalEvent("DecisionEffectsCompleted")]
public sealed record DecisionEffectsCompleted(DateTimeOffset At) : DecisionEvent;
