namespace BoardDesk.Interests;

/// <summary>A board asks a person for a declaration of interests by a date.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.RequestReturn")]
public sealed record RequestReturn
{
    /// <summary>The board asking.</summary>
    [Id(0)]
    public required string BoardId { get; init; }

    /// <summary>Why it asks.</summary>
    [Id(1)]
    public required ReturnReason Reason { get; init; }

    /// <summary>The date the return is due.</summary>
    [Id(2)]
    public required DateOnly DueOn { get; init; }
}
