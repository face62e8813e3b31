namespace BoardDesk.Papers;

/// <summary>A paper as callers and the register see it: the current version's content and the workflow.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.PaperDetails")]
public sealed record PaperDetails
{
    /// <summary>The slug that identifies it.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The board it goes to.</summary>
    [Id(1)]
    public required string BoardId { get; init; }

    /// <summary>The meeting it is for, if known.</summary>
    [Id(2)]
    public string? MeetingId { get; init; }

    /// <summary>Where it is in its workflow.</summary>
    [Id(3)]
    public PaperStatus Status { get; init; }

    /// <summary>The current version's content.</summary>
    [Id(4)]
    public required PaperContent Content { get; init; }

    /// <summary>The current version's number.</summary>
    [Id(5)]
    public int CurrentVersion { get; init; }

    /// <summary>Every version, oldest first.</summary>
    [Id(6)]
    public IReadOnlyList<PaperVersionInfo> Versions { get; init; } = [];

    /// <summary>The attached files.</summary>
    [Id(7)]
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>When it was submitted, if it was.</summary>
    [Id(8)]
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The paper deadline of its meeting at submission (UK date, inclusive).</summary>
    [Id(9)]
    public DateOnly? Deadline { get; init; }

    /// <summary>True when it was submitted after the deadline.</summary>
    [Id(10)]
    public bool Late { get; init; }

    /// <summary>The paper this one was re-used from, if any.</summary>
    [Id(11)]
    public string? DerivedFromPaperId { get; init; }

    /// <summary>Why it was withdrawn, if it was.</summary>
    [Id(12)]
    public string? WithdrawalReason { get; init; }

    /// <summary>The journal's version: how many changes the paper has had.</summary>
    [Id(13)]
    public long Version { get; init; }
}
