namespace BoardDesk.Decisions;

/// <summary>What a ballot says.</summary>
[GenerateSerializer, Alias("BoardDesk.Decisions.VoteChoice")]
public enum VoteChoice
{
    /// <summary>For the motion.</summary>
    For,

    /// <summary>Against the motion.</summary>
    Against,

    /// <summary>An abstention: recorded as having voted, not counted among the votes cast.</summary>
    Abstain,
}
