using System.Collections.Immutable;
using BoardDesk.Notifications;
using BoardDesk.Persistence;

namespace BoardDesk.Papers;

/// <summary>A paper's state, folded from its events.</summary>
public sealed record PaperState : IJournaledState<PaperState, PaperEvent>
{
    /// <inheritdoc />
    public static PaperState Empty { get; } = new();

    /// <summary>False until the paper is created.</summary>
    public bool Exists { get; init; }

    /// <summary>The board it goes to.</summary>
    public string BoardId { get; init; } = "";

    /// <summary>The meeting it is for.</summary>
    public string? MeetingId { get; init; }

    /// <summary>Where it is in its workflow.</summary>
    public PaperStatus Status { get; init; }

    /// <summary>Every version, oldest first; the last is current.</summary>
    public ImmutableList<PaperVersion> Versions { get; init; } = [];

    /// <summary>The attachments with their bytes.</summary>
    public ImmutableList<AttachmentContent> Attachments { get; init; } = [];

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>Its meeting's paper deadline at submission.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>Whether it was submitted late.</summary>
    public bool Late { get; init; }

    /// <summary>The paper it was re-used from.</summary>
    public string? DerivedFromPaperId { get; init; }

    /// <summary>Why it was withdrawn.</summary>
    public string? WithdrawalReason { get; init; }

    /// <summary>Notices recorded and not yet handed to the outbox.</summary>
    public ImmutableList<Notice> PendingNotices { get; init; } = [];

    /// <summary>The notices the author was sent, as kind and deadline (<c>PaperDue 2015-10-16</c>), each once.</summary>
    public ImmutableHashSet<string> Reminded { get; init; } = [];

    /// <inheritdoc />
    public PaperState Apply(PaperEvent e) => e switch
    {
        PaperCreated c => this with
        {
            Exists = true,
            BoardId = c.BoardId,
            MeetingId = c.MeetingId,
            Status = PaperStatus.Draft,
            DerivedFromPaperId = c.DerivedFromPaperId,
            Versions = [new PaperVersion { Number = 1, Content = c.Content, RevisedAt = c.At, RevisedBy = c.By, Note = "First version." }],
        },
        PaperRevised r => this with
        {
            Versions = Versions.Add(new PaperVersion { Number = Versions.Count + 1, Content = r.Content, RevisedAt = r.At, RevisedBy = r.By, Note = r.Note }),
        },
        PaperSubmitted s => this with { Status = PaperStatus.Submitted, SubmittedAt = s.At, Deadline = s.Deadline, Late = s.Late },
        PaperApprovedForCirculation => this with { Status = PaperStatus.ApprovedForCirculation },
        PaperPublished => this with { Status = PaperStatus.Published },
        PaperWithdrawn w => this with { Status = PaperStatus.Withdrawn, WithdrawalReason = w.Reason },
        AttachmentAdded a => this with { Attachments = Attachments.Add(new AttachmentContent { Info = a.Info, Content = a.Content }) },
        PaperNoticesRecorded recorded => this with
        {
            PendingNotices = PendingNotices.AddRange(recorded.Notices),
            Reminded = Reminded.Union(recorded.Notices.Select(n => RemindedKey(n.Kind, recorded.Deadline))),
        },
        PaperNoticesHandedOver handed => this with { PendingNotices = PendingNotices.RemoveAll(n => handed.NoticeIds.Contains(n.Id)) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown paper event."),
    };

    /// <summary>The key of <see cref="Reminded"/> for a kind of notice about a deadline.</summary>
    public static string RemindedKey(NotificationKind kind, DateOnly deadline) => $"{kind} {deadline:yyyy-MM-dd}";
}
