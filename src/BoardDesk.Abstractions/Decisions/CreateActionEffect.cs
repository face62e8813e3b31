using BoardDesk.Actions;

namespace BoardDesk.Decisions;

/// <summary>Creates an action item whose source is the decision.</summary>
public sealed record CreateActionEffect : DecisionEffect
{
    /// <summary>What is to be done.</summary>
    public required string Description { get; init; }

    /// <summary>Who does it.</summary>
    public required ActionOwner Owner { get; init; }

    /// <summary>When it is due.</summary>
    public required DateOnly DueOn { get; init; }
}
