namespace BoardDesk.Papers;

/// <summary>A paper as callers and the register see it: the current version's content and the workflow.</summary>
public sealed record PaperDetails
{
    /// <summary>The slug that identifies it.</summary>
    public required string Id { get; init; }

    /// <summary>The board it goes to.</summary>
    public required string BoardId { get; init; }

    /// <summary>The meeting it is for, if known.</summary>
    public string? MeetingId { get; init; }

    /// <summary>Where it is in its workflow.</summary>
    public PaperStatus Status { get; init; }

    /// <summary>The current version's content.</summary>
    public required PaperContent Content { get; init; }

    /// <summary>The current version's number.</summary>
    public int CurrentVersion { get; init; }

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<PaperVersionInfo> Versions { get; init; } = [];

    /// <summary>The attached files.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>When it was submitted, if it was.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The paper deadline of its meeting at submission (UK date, inclusive).</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>True when it was submitted after the deadline.</summary>
    public bool Late { get; init; }

    /// <summary>The paper this one was re-used from, if any.</summary>
    public string? DerivedFromPaperId { get; init; }

    /// <summary>Why it was withdrawn, if it was.</summary>
    public string? WithdrawalReason { get; init; }

    /// <summary>The journal's version: how many changes the paper has had.</summary>
    public long Version { get; init; }
}
