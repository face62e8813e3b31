namespace BoardDesk.Decisions;

/// <summary>Where a decision is in its life.</summary>
[GenerateSerializer, Alias("BoardDesk.Decisions.DecisionStatus")]
public enum DecisionStatus
{
    /// <summary>Proposed; voting has not opened.</summary>
    Proposed,

    /// <summary>Voting is open.</summary>
    Open,

    /// <summary>Voting is closed and the outcome recorded; it never changes.</summary>
    Closed,
}
