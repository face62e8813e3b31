using BoardDesk.Notifications;
using BoardDesk.Persistence;

namespace BoardDesk.Interests;

/// <summary>The base of every register-of-interests event.</summary>
public abstract record InterestRegisterEvent;

/// <summary>An interest was declared.</summary>
[JournalEvent("InterestRecorded")]
public sealed record InterestRecorded(InterestEntry Interest) : InterestRegisterEvent;

/// <summary>An interest ended; it stays on record.</summary>
[JournalEvent("InterestEnded")]
public sealed record InterestEnded(int InterestId, DateOnly EndedOn) : InterestRegisterEvent;

/// <summary>A gift or hospitality was recorded.</summary>
[JournalEvent("GiftRecorded")]
public sealed record GiftRecorded(GiftOrHospitality Gift) : InterestRegisterEvent;

/// <summary>The person made a return (a nil return when <see cref="InterestReturn.Nil"/>), answering every open request.</summary>
[JournalEvent("InterestReturnMade")]
public sealed record InterestReturnMade(InterestReturn Return) : InterestRegisterEvent;

/// <summary>A board asked for a return by a date.</summary>
[JournalEvent("InterestReturnRequested")]
public sealed record InterestReturnRequested(ReturnRequest Request) : InterestRegisterEvent;

/// <summary>
/// A requested return's date passed without a return: the fact a reminder (in the pages, and by email) is raised
/// from.
/// </summary>
[JournalEvent("InterestReturnOverdue")]
public sealed record InterestReturnOverdue(string BoardId, ReturnReason Reason, DateOnly DueOn, DateTimeOffset At) : InterestRegisterEvent;

/// <summary>Notices of a change of this register (a return asked for, or overdue), recorded in the change's commit, to be handed to the outbox.</summary>
[JournalEvent("InterestRegisterNoticesRecorded")]
public sealed record InterestRegisterNoticesRecorded(IReadOnlyList<Notice> Notices) : InterestRegisterEvent;

/// <summary>The outbox has these notices.</summary>
[JournalEvent("InterestRegisterNoticesHandedOver")]
public sealed record InterestRegisterNoticesHandedOver(IReadOnlyList<string> NoticeIds) : InterestRegisterEvent;
