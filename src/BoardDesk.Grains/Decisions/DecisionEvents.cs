using BoardDesk.Grains;
using BoardDesk.Notifications;
using BoardDesk.Persistence;

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
/// The voter roll of a secret ballot: that a holder voted, never what. The choice goes into the decision's sealed
/// box in the same commit, as a row with no voter, time or order; it is counted at close, and the counts are stored
/// in <see cref="DecisionVotingClosed"/>.
/// </summary>
/// <param name="Unit">The ballot holder.</param>
/// <param name="Sealed">
/// True when the choice went into the sealed box with this entry. False in journals written before choices were
/// kept durably: that choice was held in memory only, so it is lost, and the holder may cast it again.
/// </param>
[JournalEvent("DecisionSecretVoteRecorded")]
public sealed record DecisionSecretVoteRecorded(string Unit, bool Sealed = false) : DecisionEvent;

/// <summary>
/// Voting closed with its immutable outcome. For a carried decision it is also the plan: the effects recorded at
/// proposal become pending, and are applied exactly once from here. <c>LostSecretBallots</c> counts roll entries
/// whose choice was held in memory by an older version and lost (see <see cref="DecisionSecretVoteRecorded"/>); it
/// stays because stored closing events carry it and decisions opened before the change may still close with it.
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

/// <summary>An effect of the carried decision failed; with no next attempt, applying them stopped there.</summary>
[JournalEvent("DecisionEffectFailed")]
public sealed record DecisionEffectFailed(OperationFailure Failure) : DecisionEvent;

/// <summary>Every effect of the carried decision was applied.</summary>
[JournalEvent("DecisionEffectsCompleted")]
public sealed record DecisionEffectsCompleted(DateTimeOffset At) : DecisionEvent;

/// <summary>Notices of a change of this decision, recorded in the change's commit, to be handed to the outbox.</summary>
[JournalEvent("DecisionNoticesRecorded")]
public sealed record DecisionNoticesRecorded(IReadOnlyList<Notice> Notices) : DecisionEvent;

/// <summary>The outbox has these notices.</summary>
[JournalEvent("DecisionNoticesHandedOver")]
public sealed record DecisionNoticesHandedOver(IReadOnlyList<string> NoticeIds) : DecisionEvent;
