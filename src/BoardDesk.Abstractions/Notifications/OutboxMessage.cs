namespace BoardDesk.Notifications;

/// <summary>One email of a notice to one person, as the outbox keeps it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Notifications.OutboxMessage")]
public sealed record OutboxMessage
{
    /// <summary>Stable id: the notice's id and the recipient's user name; the Message-ID header derives from it.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The notice it carries.</summary>
    [Id(1)]
    public required string NoticeId { get; init; }

    /// <summary>What it is about.</summary>
    [Id(2)]
    public NotificationKind Kind { get; init; }

    /// <summary>The recipient's account.</summary>
    [Id(3)]
    public required string UserName { get; init; }

    /// <summary>The recipient's email address; empty when they have none.</summary>
    [Id(4)]
    public string Address { get; init; } = "";

    /// <summary>Where it is.</summary>
    [Id(5)]
    public OutboxMessageStatus Status { get; init; }

    /// <summary>How many times sending it failed.</summary>
    [Id(6)]
    public int Attempts { get; init; }

    /// <summary>Not sent before this time (a retry's backoff, or the recipient's digest hour).</summary>
    [Id(7)]
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Why the last attempt failed, or why it was skipped.</summary>
    [Id(8)]
    public string? LastError { get; init; }

    /// <summary>When the SMTP server accepted it.</summary>
    [Id(9)]
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Whether it goes out in the recipient's daily digest.</summary>
    [Id(10)]
    public bool Digest { get; init; }

    /// <summary>The notice's subject, for the administrator's list.</summary>
    [Id(11)]
    public string Subject { get; init; } = "";
}
