namespace BoardDesk.Notifications;

/// <summary>
/// Something people should hear of by email, recorded in the journal of the grain whose change causes it, in the
/// same commit as that change, and then handed to the outbox. It holds no confidential content: a subject, a short
/// summary and a link to the page.
/// </summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Notifications.Notice")]
public sealed record Notice
{
    /// <summary>Stable id: the causing grain's journal and the sequence of the change (<c>meeting/ldib/2015-10-23#1</c>).</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>What it is about.</summary>
    [Id(1)]
    public required NotificationKind Kind { get; init; }

    /// <summary>The board it concerns.</summary>
    [Id(2)]
    public required string BoardId { get; init; }

    /// <summary>Whom it goes to.</summary>
    [Id(3)]
    public NoticeAudience Audience { get; init; }

    /// <summary>For <see cref="NoticeAudience.People"/>: the accounts (user names) it goes to.</summary>
    [Id(4)]
    public IReadOnlyList<string> UserNames { get; init; } = [];

    /// <summary>The subject line.</summary>
    [Id(5)]
    public required string Subject { get; init; }

    /// <summary>The body's few sentences, plain text, with dates in words.</summary>
    [Id(6)]
    public required string Summary { get; init; }

    /// <summary>The page it is about, relative to the server's public address (<c>/boards/ldib/meetings/2015-10-23</c>).</summary>
    [Id(7)]
    public required string Link { get; init; }

    /// <summary>For a meeting planned, moved or cancelled: the calendar entry to attach.</summary>
    [Id(8)]
    public MeetingInvitation? Invitation { get; init; }

    /// <summary>When the change that caused it was made.</summary>
    [Id(9)]
    public DateTimeOffset RecordedAt { get; init; }
}
