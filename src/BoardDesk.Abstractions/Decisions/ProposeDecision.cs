namespace BoardDesk.Decisions;

/// <summary>Proposes a decision to a board: at a meeting's agenda item, or by written procedure with a closing time.</summary>
public sealed record ProposeDecision
{
    /// <summary>The id to give the decision (a lowercase slug); the server makes one up when it is not given.</summary>
    public string? DecisionId { get; init; }

    /// <summary>The meeting (<c>2015-10-23</c>); null for a written procedure.</summary>
    public string? MeetingId { get; init; }

    /// <summary>The agenda item of that meeting.</summary>
    public int? AgendaItemId { get; init; }

    /// <summary>For a written procedure: when voting closes by itself.</summary>
    public DateTimeOffset? ClosesAt { get; init; }

    /// <summary>The motion.</summary>
    public required string Motion { get; init; }

    /// <summary>The papers it rests on.</summary>
    public IReadOnlyList<string> PaperIds { get; init; } = [];

    /// <summary>How the outcome is reached.</summary>
    public DecisionMethod Method { get; init; }

    /// <summary>Named or secret ballot.</summary>
    public BallotKind Ballot { get; init; }

    /// <summary>Who holds a ballot.</summary>
    public VotingUnit Unit { get; init; }

    /// <summary>What happens, exactly once, when it is carried.</summary>
    public IReadOnlyList<DecisionEffect> Effects { get; init; } = [];
}
