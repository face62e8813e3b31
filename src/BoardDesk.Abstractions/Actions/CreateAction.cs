namespace BoardDesk.Actions;

/// <summary>Records a new action for a board.</summary>
public sealed record CreateAction
{
    /// <summary>The board that agreed it.</summary>
    public required string BoardId { get; init; }

    /// <summary>What is to be done.</summary>
    public required string Description { get; init; }

    /// <summary>Who does it.</summary>
    public required ActionOwner Owner { get; init; }

    /// <summary>When it is due.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>Where it came from.</summary>
    public required ActionSource Source { get; init; }
}
