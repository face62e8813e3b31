namespace BoardDesk.Papers;

/// <summary>Creates a paper for a board, and for one of its meetings when known.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.CreatePaper")]
public sealed record CreatePaper
{
    /// <summary>The board the paper goes to.</summary>
    [Id(0)]
    public required string BoardId { get; init; }

    /// <summary>The meeting it is for (<c>2015-10-23</c>), if known.</summary>
    [Id(1)]
    public string? MeetingId { get; init; }

    /// <summary>The first version's content.</summary>
    [Id(2)]
    public required PaperContent Content { get; init; }
}
