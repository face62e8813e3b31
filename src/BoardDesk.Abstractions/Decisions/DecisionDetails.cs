using BoardDesk.Grains;

namespace BoardDesk.Decisions;

/// <summary>A decision as callers see it; also the read-model document the decision lists query.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.DecisionDetails")]
public sealed record DecisionDetails
{
    /// <summary>The decision id (<c>ldib-2015-10-23-1</c>).</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The board.</summary>
    [Id(1)]
    public required string BoardId { get; init; }

    /// <summary>The meeting, or null for a written procedure.</summary>
    [Id(2)]
    public string? MeetingId { get; init; }

    /// <summary>The agenda item of the meeting.</summary>
    [Id(3)]
    public int? AgendaItemId { get; init; }

    /// <summary>For a written procedure: when voting closes by itself.</summary>
    [Id(4)]
    public DateTimeOffset? ClosesAt { get; init; }

    /// <summary>The motion.</summary>
    [Id(5)]
    public required string Motion { get; init; }

    /// <summary>The papers it rests on.</summary>
    [Id(6)]
    public IReadOnlyList<string> PaperIds { get; init; } = [];

    /// <summary>How the outcome is reached.</summary>
    [Id(7)]
    public DecisionMethod Method { get; init; }

    /// <summary>Named or secret ballot.</summary>
    [Id(8)]
    public BallotKind Ballot { get; init; }

    /// <summary>Who holds a ballot.</summary>
    [Id(9)]
    public VotingUnit Unit { get; init; }

    /// <summary>Where it is in its life.</summary>
    [Id(10)]
    public DecisionStatus Status { get; init; }

    /// <summary>The ballot holders who may vote (recused ones excluded); fixed when voting opens.</summary>
    [Id(11)]
    public IReadOnlyList<string> EligibleUnits { get; init; } = [];

    /// <summary>Those recused because they declared an interest in the item.</summary>
    [Id(12)]
    public IReadOnlyList<string> Recused { get; init; } = [];

    /// <summary>The quorum as assessed when voting opened, without those recused.</summary>
    [Id(13)]
    public string? QuorumAtOpen { get; init; }

    /// <summary>The quorum as assessed when voting closed.</summary>
    [Id(14)]
    public string? QuorumAtClose { get; init; }

    /// <summary>Each ballot, for a named vote; always empty for a secret one.</summary>
    [Id(15)]
    public IReadOnlyList<NamedBallot> Ballots { get; init; } = [];

    /// <summary>Who has voted (ballot holders), for either kind; for a secret ballot in alphabetical order.</summary>
    [Id(16)]
    public IReadOnlyList<string> Voted { get; init; } = [];

    /// <summary>The counts, once closed.</summary>
    [Id(17)]
    public VoteCount? Count { get; init; }

    /// <summary>
    /// Secret ballots on the roll whose choice was lost, not counted: only ballots recorded before choices were kept
    /// durably (an older version held them in memory, and a restart before close lost them). Zero otherwise.
    /// </summary>
    [Id(18)]
    public int LostSecretBallots { get; init; }

    /// <summary>The chair's casting vote, if one was used.</summary>
    [Id(19)]
    public VoteChoice? CastingVote { get; init; }

    /// <summary>The outcome, once closed; it never changes.</summary>
    [Id(20)]
    public DecisionOutcome? Outcome { get; init; }

    /// <summary>When voting closed.</summary>
    [Id(21)]
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The effects, each with its id.</summary>
    [Id(22)]
    public IReadOnlyList<DecisionEffect> Effects { get; init; } = [];

    /// <summary>The ids of the effects applied so far.</summary>
    [Id(23)]
    public IReadOnlyList<string> AppliedEffectIds { get; init; } = [];

    /// <summary>Whether every effect of a carried decision is applied.</summary>
    [Id(24)]
    public bool EffectsCompleted { get; init; }

    /// <summary>How far applying the effects has got, in words: applying, retrying after a failure (why, which attempt, when next), stopped, or completed.</summary>
    [Id(25)]
    public string EffectsProgress { get; init; } = "";

    /// <summary>The last failure of an effect not yet overcome; with no next attempt, applying stopped and is not retried.</summary>
    [Id(26)]
    public OperationFailure? LastEffectFailure { get; init; }

    /// <summary>The journal's version.</summary>
    [Id(27)]
    public long Version { get; init; }
}
