namespace BoardDesk.Actions;

/// <summary>Records a new action for a board.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.CreateAction")]
public sealed record CreateAction
{
    /// <summary>The board that agreed it.</summary>
    [Id(0)]
    public required string BoardId { get; init; }

    /// <summary>What is to be done.</summary>
    [Id(1)]
    public required string Description { get; init; }

    /// <summary>Who does it.</summary>
    [Id(2)]
    public required ActionOwner Owner { get; init; }

    /// <summary>When it is due.</summary>
    [Id(3)]
    public required DateOnly DueOn { get; init; }

    /// <summary>Where it came from.</summary>
    [Id(4)]
    public required ActionSource Source { get; init; }
}
