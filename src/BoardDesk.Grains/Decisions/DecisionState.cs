using System.Collections.Immutable;
using BoardDesk.Notifications;
using BoardDesk.Operations;
using BoardDesk.Persistence;

namespace BoardDesk.Decisions;

/// <summary>A decision's state, folded from its events.</summary>
public sealed record DecisionState : IJournaledState<DecisionState, DecisionEvent>
{
    /// <inheritdoc />
    public static DecisionState Empty { get; } = new();

    /// <summary>The decision as proposed; null until then.</summary>
    public DecisionProposed? Proposal { get; init; }

    /// <summary>Where it is in its life.</summary>
    public DecisionStatus Status { get; init; }

    /// <summary>Who may vote, fixed when voting opened.</summary>
    public ImmutableList<EligibleVoter> Voters { get; init; } = [];

    /// <summary>Those recused for a declared interest.</summary>
    public ImmutableList<string> Recused { get; init; } = [];

    /// <summary>The quorum when voting opened.</summary>
    public string? QuorumAtOpen { get; init; }

    /// <summary>The least number of organisations the board's rule asks for.</summary>
    public int MinimumOrganisations { get; init; }

    /// <summary>Named ballots by holder: a later ballot replaces an earlier one.</summary>
    public ImmutableSortedDictionary<string, NamedBallot> Ballots { get; init; } = ImmutableSortedDictionary.Create<string, NamedBallot>(StringComparer.Ordinal);

    /// <summary>The holders who voted (the roll of a secret ballot), in alphabetical order.</summary>
    public ImmutableSortedSet<string> Voted { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The holders whose secret choice is in the decision's sealed box: their ballot is final.</summary>
    public ImmutableSortedSet<string> Sealed { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Notices recorded and not yet handed to the outbox.</summary>
    public ImmutableList<Notice> PendingNotices { get; init; } = [];

    /// <summary>The outcome once closed.</summary>
    public DecisionVotingClosed? Closure { get; init; }

    /// <summary>The effects and which are applied.</summary>
    public OperationProgress<DecisionEffect> Progress { get; init; } = OperationProgress<DecisionEffect>.None;

    /// <summary>Whether the outcome carries the motion.</summary>
    public static bool IsCarried(DecisionOutcome outcome) => outcome is DecisionOutcome.Carried or DecisionOutcome.TiedCarriedOnCastingVote;

    /// <inheritdoc />
    public DecisionState Apply(DecisionEvent e) => e switch
    {
        DecisionNoticesRecorded recorded => this with { PendingNotices = PendingNotices.AddRange(recorded.Notices) },
        DecisionNoticesHandedOver handed => this with { PendingNotices = PendingNotices.RemoveAll(n => handed.NoticeIds.Contains(n.Id)) },
        DecisionProposed proposed => this with { Proposal = proposed, Status = DecisionStatus.Proposed },
        DecisionVotingOpened opened => this with
        {
            Status = DecisionStatus.Open,
            Voters = [.. opened.Voters],
            Recused = [.. opened.Recused],
            QuorumAtOpen = opened.Quorum,
            MinimumOrganisations = opened.MinimumOrganisations,
        },
        DecisionBallotCast cast => this with { Ballots = Ballots.SetItem(cast.Unit, new NamedBallot(cast.Unit, cast.CastBy, cast.Choice)), Voted = Voted.Add(cast.Unit) },
        DecisionSecretVoteRecorded recorded => this with
        {
            Voted = Voted.Add(recorded.Unit),
            Sealed = recorded.Sealed ? Sealed.Add(recorded.Unit) : Sealed,
        },
        DecisionVotingClosed closed => this with
        {
            Status = DecisionStatus.Closed,
            Closure = closed,
            Progress = IsCarried(closed.Outcome) ? Progress.WithPlan(Proposal?.Effects ?? []) : Progress,
        },
        DecisionEffectApplied applied => this with { Progress = Progress.WithApplied(applied.EffectId) },
        DecisionEffectFailed failed => this with { Progress = Progress.WithFailure(failed.Failure) },
        DecisionEffectsCompleted completed => this with { Progress = Progress.WithCompleted(completed.At) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown decision event."),
    };
}
