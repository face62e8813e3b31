namespace BoardDesk.Decisions;

/// <summary>Proposes a decision to a board: at a meeting's agenda item, or by written procedure with a closing time.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.ProposeDecision")]
public sealed record ProposeDecision
{
    /// <summary>The id to give the decision (a lowercase slug); the server makes one up when it is not given.</summary>
    [Id(0)]
    public string? DecisionId { get; init; }

    /// <summary>The meeting (<c>2015-10-23</c>); null for a written procedure.</summary>
    [Id(1)]
    public string? MeetingId { get; init; }

    /// <summary>The agenda item of that meeting.</summary>
    [Id(2)]
    public int? AgendaItemId { get; init; }

    /// <summary>For a written procedure: when voting closes by itself.</summary>
    [Id(3)]
    public DateTimeOffset? ClosesAt { get; init; }

    /// <summary>The motion.</summary>
    [Id(4)]
    public required string Motion { get; init; }

    /// <summary>The papers it rests on.</summary>
    [Id(5)]
    public IReadOnlyList<string> PaperIds { get; init; } = [];

    /// <summary>How the outcome is reached.</summary>
    [Id(6)]
    public DecisionMethod Method { get; init; }

    /// <summary>Named or secret ballot.</summary>
    [Id(7)]
    public BallotKind Ballot { get; init; }

    /// <summary>Who holds a ballot.</summary>
    [Id(8)]
    public VotingUnit Unit { get; init; }

    /// <summary>What happens, exactly once, when it is carried.</summary>
    [Id(9)]
    public IReadOnlyList<DecisionEffect> Effects { get; init; } = [];
}
