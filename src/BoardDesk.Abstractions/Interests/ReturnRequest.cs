namespace BoardDesk.Interests;

/// <summary>A board's request for a declaration of interests: answered by a return (a nil return counts).</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.ReturnRequest")]
public sealed record ReturnRequest
{
    /// <summary>The board asking.</summary>
    [Id(0)]
    public required string BoardId { get; init; }

    /// <summary>Why it asks.</summary>
    [Id(1)]
    public required ReturnReason Reason { get; init; }

    /// <summary>The date by which the return is due.</summary>
    [Id(2)]
    public required DateOnly DueOn { get; init; }

    /// <summary>When the board asked.</summary>
    [Id(3)]
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>When the person made the return that answered it, if they have.</summary>
    [Id(4)]
    public DateTimeOffset? ReturnedAt { get; init; }

    /// <summary>When it was found overdue (the due date passed without a return), if it was.</summary>
    [Id(5)]
    public DateTimeOffset? OverdueSince { get; init; }

    /// <summary>True while it is unanswered and past its due date.</summary>
    public bool Overdue => ReturnedAt is null && OverdueSince is not null;
}
