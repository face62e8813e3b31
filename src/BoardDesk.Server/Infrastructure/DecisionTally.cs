using BoardDesk.Decisions;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using BoardDesk.Server.Components.Shared;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// A vote's tally as the decision page and its live refresh show it, in words. A named vote shows its counts and each
/// ballot while voting is open; a secret ballot shows only how many have voted until it closes, then the counts.
/// </summary>
public sealed record DecisionTally
{
    /// <summary>The decision.</summary>
    public required string DecisionId { get; init; }

    /// <summary>Where the decision is in its life.</summary>
    public DecisionStatus Status { get; init; }

    /// <summary>The status in words.</summary>
    public required string StatusText { get; init; }

    /// <summary>Named or secret.</summary>
    public BallotKind Ballot { get; init; }

    /// <summary>How many ballot holders may vote; zero before voting opens.</summary>
    public int Eligible { get; init; }

    /// <summary>How many have voted.</summary>
    public int Voted { get; init; }

    /// <summary>Turnout in words ("4 of 7 have voted").</summary>
    public required string Turnout { get; init; }

    /// <summary>The counts: as they stand for a named vote; for a secret ballot only once closed.</summary>
    public VoteCount? Count { get; init; }

    /// <summary>Each ballot with who cast it, for a named vote; always empty for a secret ballot.</summary>
    public IReadOnlyList<TallyBallot> Ballots { get; init; } = [];

    /// <summary>The ballot holders who have not voted yet, for a named vote while it is open.</summary>
    public IReadOnlyList<string> NotVoted { get; init; } = [];

    /// <summary>The outcome, once closed.</summary>
    public DecisionOutcome? Outcome { get; init; }

    /// <summary>The outcome in words, once closed.</summary>
    public string? OutcomeText { get; init; }

    /// <summary>Whether the outcome carried the motion.</summary>
    public bool Carried { get; init; }

    /// <summary>The decision's version, so that a refresh changes the page only when the vote changed.</summary>
    public long Version { get; init; }

    /// <summary>
    /// The names of a decision's ballot holders: a member's name is its own; an organisation's id (when organisations
    /// vote) becomes the organisation's name.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> UnitNamesAsync(DecisionDetails decision, IReadModels readModels, CancellationToken cancellationToken = default)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (decision.Unit == VotingUnit.Organisation)
        {
            foreach (var unit in decision.EligibleUnits.Concat(decision.Voted).Concat(decision.Ballots.Select(b => b.Unit)).Distinct())
            {
                names[unit] = (await readModels.FindAsync<OrganisationDetails>(unit, cancellationToken))?.Name ?? unit;
            }
        }

        return names;
    }

    /// <summary>The tally of a decision the reader may see, with its ballot holders' names.</summary>
    public static DecisionTally From(DecisionDetails decision, IReadOnlyDictionary<string, string> unitNames)
    {
        string Name(string unit) => unitNames.GetValueOrDefault(unit, unit);
        var named = decision.Ballot == BallotKind.Named;
        var count = decision.Count ?? (named && decision.Status != DecisionStatus.Proposed
            ? new VoteCount(
                decision.Ballots.Count(b => b.Choice == VoteChoice.For),
                decision.Ballots.Count(b => b.Choice == VoteChoice.Against),
                decision.Ballots.Count(b => b.Choice == VoteChoice.Abstain))
            : null);
        return new DecisionTally
        {
            DecisionId = decision.Id,
            Status = decision.Status,
            StatusText = Formats.Status(decision.Status),
            Ballot = decision.Ballot,
            Eligible = decision.EligibleUnits.Count,
            Voted = decision.Voted.Count,
            Turnout = decision.Method == DecisionMethod.Consensus
                ? "A consensus decision has no ballots."
                : decision.Status == DecisionStatus.Proposed
                    ? "Voting has not opened."
                    : $"{decision.Voted.Count} of {decision.EligibleUnits.Count} {(decision.Status == DecisionStatus.Closed ? "voted" : decision.Voted.Count == 1 ? "has voted" : "have voted")}.",
            Count = decision.Method == DecisionMethod.Consensus ? null : count,
            Ballots = named ? [.. decision.Ballots.Select(b => new TallyBallot(Name(b.Unit), b.CastBy, b.Choice, Formats.Choice(b.Choice)))] : [],
            NotVoted = named && decision.Status == DecisionStatus.Open ? [.. decision.EligibleUnits.Except(decision.Voted).Select(Name)] : [],
            Outcome = decision.Outcome,
            OutcomeText = decision.Outcome is { } outcome ? Formats.Outcome(outcome) : null,
            Carried = decision.Outcome is { } carried && Formats.Carried(carried),
            Version = decision.Version,
        };
    }
}
