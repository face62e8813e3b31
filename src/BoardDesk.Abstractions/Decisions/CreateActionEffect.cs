using BoardDesk.Actions;

namespace BoardDesk.Decisions;

/// <summary>Creates an action item whose source is the decision.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.CreateActionEffect")]
public sealed record CreateActionEffect : DecisionEffect
{
    /// <summary>What is to be done.</summary>
    [Id(0)]
    public required string Description { get; init; }

    /// <summary>Who does it.</summary>
    [Id(1)]
    public required ActionOwner Owner { get; init; }

    /// <summary>When it is due.</summary>
    [Id(2)]
    public required DateOnly DueOn { get; init; }
}
