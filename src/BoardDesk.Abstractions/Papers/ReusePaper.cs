using BoardDesk.Meetings;

namespace BoardDesk.Papers;

/// <summary>Creates a paper from another one's current content, for another board or purpose.</summary>
public sealed record ReusePaper
{
    /// <summary>The paper re-used.</summary>
    public required string SourcePaperId { get; init; }

    /// <summary>The board the new paper goes to.</summary>
    public required string BoardId { get; init; }

    /// <summary>The meeting it is for, if known.</summary>
    public string? MeetingId { get; init; }

    /// <summary>What that board is asked to do with it.</summary>
    public AgendaPurpose Purpose { get; init; } = AgendaPurpose.ForInformation;

    /// <summary>A new summary; the source's when not given.</summary>
    public string? Summary { get; init; }
}
