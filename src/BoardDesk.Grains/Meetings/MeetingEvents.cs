using BoardDesk.Notifications;
using BoardDesk.Persistence;

namespace BoardDesk.Meetings;

/// <summary>The base of every meeting event.</summary>
public abstract record MeetingEvent;

/// <summary>The meeting was scheduled, with the board as it then stood and the standing items of its agenda.</summary>
[JournalEvent("MeetingScheduled")]
public sealed record MeetingScheduled(
    string BoardName,
    DateOnly Date,
    TimeOnly StartsAt,
    TimeOnly EndsAt,
    string? Location,
    string? Link,
    string? PreviousMeetingId,
    IReadOnlyList<AgendaItem> StandingItems) : MeetingEvent;

/// <summary>The meeting moved to other times or another place on its day.</summary>
[JournalEvent("MeetingRescheduled")]
public sealed record MeetingRescheduled(TimeOnly StartsAt, TimeOnly EndsAt, string? Location, string? Link) : MeetingEvent;

/// <summary>An item was added to the end of the agenda.</summary>
[JournalEvent("AgendaItemAdded")]
public sealed record AgendaItemAdded(AgendaItem Item) : MeetingEvent;

/// <summary>An item moved to a position (from 1).</summary>
[JournalEvent("AgendaItemMoved")]
public sealed record AgendaItemMoved(int ItemId, int Position) : MeetingEvent;

/// <summary>An item was taken off the agenda.</summary>
[JournalEvent("AgendaItemRemoved")]
public sealed record AgendaItemRemoved(int ItemId) : MeetingEvent;

/// <summary>The previous meeting's actions were carried into matters arising.</summary>
[JournalEvent("MattersArisingCarried")]
public sealed record MattersArisingCarried(IReadOnlyList<ActionAgreed> Actions) : MeetingEvent;

/// <summary>The agenda was published.</summary>
[JournalEvent("AgendaPublished")]
public sealed record AgendaPublished : MeetingEvent;

/// <summary>The attendance was recorded, with the quorum it gives under the board's membership at the time.</summary>
[JournalEvent("AttendanceRecorded")]
public sealed record AttendanceRecorded(IReadOnlyList<Attendee> Attendees, QuorumAssessment Quorum) : MeetingEvent;

/// <summary>An interest was declared.</summary>
[JournalEvent("InterestDeclared")]
public sealed record InterestDeclared(Declaration Declaration) : MeetingEvent;

/// <summary>What an agenda item concerns was set.</summary>
[JournalEvent("AgendaItemConcernsSet")]
public sealed record AgendaItemConcernsSet(int ItemId, IReadOnlyList<ItemConcern> Concerns) : MeetingEvent;

/// <summary>The chair decided how a declared interest is managed.</summary>
[JournalEvent("DeclarationManaged")]
public sealed record DeclarationManaged(int DeclarationId, DeclarationManagement Management, string Note, string By) : MeetingEvent;

/// <summary>The meeting took place.</summary>
[JournalEvent("MeetingHeld")]
public sealed record MeetingHeld : MeetingEvent;

/// <summary>The minutes of some agenda items were drafted or redrafted.</summary>
[JournalEvent("MinutesDrafted")]
public sealed record MinutesDrafted(IReadOnlyList<MinuteEntry> Items) : MeetingEvent;

/// <summary>The minutes were approved at a later meeting and locked.</summary>
[JournalEvent("MinutesApproved")]
public sealed record MinutesApproved(string ApprovingMeetingId, DateTimeOffset ApprovedAt) : MeetingEvent;

/// <summary>This meeting began approving the previous meeting's minutes (recorded before asking that meeting).</summary>
[JournalEvent("PreviousMinutesApprovalStarted")]
public sealed record PreviousMinutesApprovalStarted(string MeetingId, DateTimeOffset? ResumeAt = null) : MeetingEvent;

/// <summary>
/// This meeting gave up approving the previous meeting's minutes because another meeting approved them first; the
/// reason says which.
/// </summary>
[JournalEvent("PreviousMinutesApprovalAbandoned")]
public sealed record PreviousMinutesApprovalAbandoned(string MeetingId, string Reason) : MeetingEvent;

/// <summary>This meeting approved the previous meeting's minutes.</summary>
[JournalEvent("PreviousMinutesApproved")]
public sealed record PreviousMinutesApproved(string MeetingId) : MeetingEvent;

/// <summary>The meeting was cancelled.</summary>
[JournalEvent("MeetingCancelled")]
public sealed record MeetingCancelled(string Reason) : MeetingEvent;

/// <summary>Notices of a change of this meeting, recorded in the change's commit, to be handed to the outbox.</summary>
[JournalEvent("MeetingNoticesRecorded")]
public sealed record MeetingNoticesRecorded(IReadOnlyList<Notice> Notices) : MeetingEvent;

/// <summary>The outbox has these notices.</summary>
[JournalEvent("MeetingNoticesHandedOver")]
public sealed record MeetingNoticesHandedOver(IReadOnlyList<string> NoticeIds) : MeetingEvent;
