using BoardDesk.Notifications;
using BoardDesk.Persistence;

namespace BoardDesk.Papers;

/// <summary>The base of every paper event.</summary>
public abstract record PaperEvent;

/// <summary>The paper was created as a draft, version 1 (from another paper when <paramref name="DerivedFromPaperId"/> is set).</summary>
[JournalEvent("PaperCreated")]
public sealed record PaperCreated(string BoardId, string? MeetingId, PaperContent Content, string? DerivedFromPaperId, DateTimeOffset At, string By) : PaperEvent;

/// <summary>The paper's content was revised as a new version.</summary>
[JournalEvent("PaperRevised")]
public sealed record PaperRevised(PaperContent Content, string Note, DateTimeOffset At, string By) : PaperEvent;

/// <summary>The paper was submitted; late when after the deadline (a UK date, inclusive).</summary>
[JournalEvent("PaperSubmitted")]
public sealed record PaperSubmitted(DateTimeOffset At, DateOnly Deadline, bool Late) : PaperEvent;

/// <summary>The paper was approved for circulation.</summary>
[JournalEvent("PaperApprovedForCirculation")]
public sealed record PaperApprovedForCirculation : PaperEvent;

/// <summary>The paper was published.</summary>
[JournalEvent("PaperPublished")]
public sealed record PaperPublished : PaperEvent;

/// <summary>The paper was withdrawn.</summary>
[JournalEvent("PaperWithdrawn")]
public sealed record PaperWithdrawn(string Reason) : PaperEvent;

/// <summary>A file was attached; its bytes are kept with the event.</summary>
[JournalEvent("PaperAttachmentAdded")]
public sealed record AttachmentAdded(AttachmentInfo Info, byte[] Content) : PaperEvent;

/// <summary>
/// Notices to the paper's author (due soon, or late), recorded in the change's commit, to be handed to the outbox;
/// <paramref name="Deadline"/> is the paper deadline they were about, so that each is sent once per deadline.
/// </summary>
[JournalEvent("PaperNoticesRecorded")]
public sealed record PaperNoticesRecorded(IReadOnlyList<Notice> Notices, DateOnly Deadline) : PaperEvent;

/// <summary>The outbox has these notices.</summary>
[JournalEvent("PaperNoticesHandedOver")]
public sealed record PaperNoticesHandedOver(IReadOnlyList<string> NoticeIds) : PaperEvent;
