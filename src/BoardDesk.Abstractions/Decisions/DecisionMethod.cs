namespace BoardDesk.Decisions;

/// <summary>How a decision's outcome is reached.</summary>
[GenerateSerializer, Alias("BoardDesk.Decisions.DecisionMethod")]
public enum DecisionMethod
{
    /// <summary>More votes for than against, among the votes cast (abstentions are not votes cast).</summary>
    SimpleMajority,

    /// <summary>At least two thirds of the votes cast are for.</summary>
    TwoThirds,

    /// <summary>Every vote cast is for, and at least one is cast.</summary>
    Unanimity,

    /// <summary>No ballots: the chair records whether the board reached consensus.</summary>
    Consensus,
}
