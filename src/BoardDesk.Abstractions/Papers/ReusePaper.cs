using BoardDesk.Meetings;

namespace BoardDesk.Papers;

/// <summary>Creates a paper from another one's current content, for another board or purpose.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.ReusePaper")]
public sealed record ReusePaper
{
    /// <summary>The paper re-used.</summary>
    [Id(0)]
    public required string SourcePaperId { get; init; }

    /// <summary>The board the new paper goes to.</summary>
    [Id(1)]
    public required string BoardId { get; init; }

    /// <summary>The meeting it is for, if known.</summary>
    [Id(2)]
    public string? MeetingId { get; init; }

    /// <summary>What that board is asked to do with it.</summary>
    [Id(3)]
    public AgendaPurpose Purpose { get; init; } = AgendaPurpose.ForInformation;

    /// <summary>A new summary; the source's when not given.</summary>
    [Id(4)]
    public string? Summary { get; init; }
}
