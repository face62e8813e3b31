namespace BoardDesk.Decisions;

/// <summary>The outcome of a closed decision.</summary>
[GenerateSerializer, Alias("BoardDesk.Decisions.DecisionOutcome")]
public enum DecisionOutcome
{
    /// <summary>The motion was carried.</summary>
    Carried,

    /// <summary>The motion was not carried.</summary>
    NotCarried,

    /// <summary>The votes were tied and the chair gave no casting vote: not carried.</summary>
    Tied,

    /// <summary>The votes were tied and the chair's casting vote carried it.</summary>
    TiedCarriedOnCastingVote,

    /// <summary>The votes were tied and the chair's casting vote was against.</summary>
    TiedLostOnCastingVote,

    /// <summary>The quorum was not met when voting closed: nothing was decided.</summary>
    Inquorate,
}
