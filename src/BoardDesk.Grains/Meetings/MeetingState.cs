using System.Collections.Immutable;
using BoardDesk.Notifications;
using BoardDesk.Persistence;

namespace BoardDesk.Meetings;

/// <summary>A meeting's state, folded from its events.</summary>
public sealed record MeetingState : IJournaledState<MeetingState, MeetingEvent>
{
    /// <inheritdoc />
    public static MeetingState Empty { get; } = new();

    /// <summary>False until the meeting is scheduled.</summary>
    public bool Exists { get; init; }

    /// <summary>The board's name when the meeting was scheduled.</summary>
    public string BoardName { get; init; } = "";

    /// <summary>The date.</summary>
    public DateOnly Date { get; init; }

    /// <summary>The start, UK time.</summary>
    public TimeOnly StartsAt { get; init; }

    /// <summary>The end, UK time.</summary>
    public TimeOnly EndsAt { get; init; }

    /// <summary>Where, if in person.</summary>
    public string? Location { get; init; }

    /// <summary>The link, if online.</summary>
    public string? Link { get; init; }

    /// <summary>Where the meeting is in its life.</summary>
    public MeetingStatus Status { get; init; }

    /// <summary>The agenda in order; item numbers are positions and are not stored.</summary>
    public ImmutableList<AgendaItem> Agenda { get; init; } = [];

    /// <summary>The id the next added item gets.</summary>
    public int NextItemId { get; init; } = 1;

    /// <summary>The attendance.</summary>
    public ImmutableList<Attendee> Attendance { get; init; } = [];

    /// <summary>The quorum the attendance gave.</summary>
    public QuorumAssessment? Quorum { get; init; }

    /// <summary>The declarations of interest.</summary>
    public ImmutableList<Declaration> Declarations { get; init; } = [];

    /// <summary>The draft minute of each minuted agenda item.</summary>
    public ImmutableDictionary<int, MinuteEntry> Minutes { get; init; } = ImmutableDictionary<int, MinuteEntry>.Empty;

    /// <summary>The later meeting that approved the minutes.</summary>
    public string? MinutesApprovedAt { get; init; }

    /// <summary>When the minutes were approved.</summary>
    public DateTimeOffset? MinutesApprovedOn { get; init; }

    /// <summary>The board's previous meeting when this one was scheduled.</summary>
    public string? PreviousMeetingId { get; init; }

    /// <summary>The previous meeting whose minutes this meeting has begun approving.</summary>
    public string? ApprovingMinutesOf { get; init; }

    /// <summary>When, on the domain clock, an interrupted approval of the previous minutes is finished; null for at once.</summary>
    public DateTimeOffset? ApprovalResumeAt { get; init; }

    /// <summary>The previous meeting whose minutes this meeting approved.</summary>
    public string? ApprovedMinutesOf { get; init; }

    /// <summary>Why it was cancelled.</summary>
    public string? CancellationReason { get; init; }

    /// <summary>Notices recorded and not yet handed to the outbox.</summary>
    public ImmutableList<Notice> PendingNotices { get; init; } = [];

    /// <summary>How many changes the meeting has had, notices' bookkeeping not counted: the calendar's SEQUENCE.</summary>
    public long Changes { get; init; }

    /// <inheritdoc />
    public MeetingState Apply(MeetingEvent e) => e switch
    {
        MeetingNoticesRecorded recorded => this with { PendingNotices = PendingNotices.AddRange(recorded.Notices) },
        MeetingNoticesHandedOver handed => this with { PendingNotices = PendingNotices.RemoveAll(n => handed.NoticeIds.Contains(n.Id)) },
        _ => ApplyChange(e) with { Changes = Changes + 1 },
    };

    private MeetingState ApplyChange(MeetingEvent e) => e switch
    {
        MeetingScheduled s => this with
        {
            Exists = true,
            BoardName = s.BoardName,
            Date = s.Date,
            StartsAt = s.StartsAt,
            EndsAt = s.EndsAt,
            Location = s.Location,
            Link = s.Link,
            PreviousMeetingId = s.PreviousMeetingId,
            Status = MeetingStatus.Planned,
            Agenda = [.. s.StandingItems],
            NextItemId = s.StandingItems.Count == 0 ? 1 : s.StandingItems.Max(i => i.Id) + 1,
        },
        MeetingRescheduled moved => this with { StartsAt = moved.StartsAt, EndsAt = moved.EndsAt, Location = moved.Location, Link = moved.Link },
        AgendaItemAdded added => this with { Agenda = Agenda.Add(added.Item), NextItemId = Math.Max(NextItemId, added.Item.Id + 1) },
        AgendaItemMoved moved => this with { Agenda = Move(moved.ItemId, moved.Position) },
        AgendaItemRemoved removed => this with { Agenda = Agenda.RemoveAll(i => i.Id == removed.ItemId) },
        MattersArisingCarried carried => this with
        {
            Agenda = Agenda.Select(i => i.Standing == StandingItem.MattersArising ? i with { CarriedActions = carried.Actions } : i).ToImmutableList(),
        },
        AgendaPublished => this with { Status = MeetingStatus.AgendaPublished },
        AttendanceRecorded recorded => this with { Attendance = [.. recorded.Attendees], Quorum = recorded.Quorum },
        // Declarations recorded before they were numbered get their place as their number.
        InterestDeclared declared => this with { Declarations = Declarations.Add(declared.Declaration.Id == 0 ? declared.Declaration with { Id = Declarations.Count + 1 } : declared.Declaration) },
        AgendaItemConcernsSet set => this with { Agenda = Agenda.Select(i => i.Id == set.ItemId ? i with { Concerns = set.Concerns } : i).ToImmutableList() },
        DeclarationManaged managed => this with
        {
            Declarations = Declarations.Select(d => d.Id == managed.DeclarationId
                ? d with { Management = managed.Management, ManagedBy = managed.By, Action = managed.Note.Length > 0 ? managed.Note : d.Action }
                : d).ToImmutableList(),
        },
        MeetingHeld => this with { Status = MeetingStatus.Held },
        MinutesDrafted drafted => this with
        {
            Status = MeetingStatus.MinutesDrafted,
            Minutes = Minutes.SetItems(drafted.Items.Select(i => KeyValuePair.Create(i.AgendaItemId, i))),
        },
        MinutesApproved approved => this with { Status = MeetingStatus.MinutesApproved, MinutesApprovedAt = approved.ApprovingMeetingId, MinutesApprovedOn = approved.ApprovedAt },
        PreviousMinutesApprovalStarted started => this with { ApprovingMinutesOf = started.MeetingId, ApprovalResumeAt = started.ResumeAt },
        PreviousMinutesApprovalAbandoned => this with { ApprovingMinutesOf = null, ApprovalResumeAt = null },
        PreviousMinutesApproved approved => this with { ApprovingMinutesOf = null, ApprovalResumeAt = null, ApprovedMinutesOf = approved.MeetingId },
        MeetingCancelled cancelled => this with { Status = MeetingStatus.Cancelled, CancellationReason = cancelled.Reason },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown meeting event."),
    };

    private ImmutableList<AgendaItem> Move(int itemId, int position)
    {
        var item = Agenda.Find(i => i.Id == itemId)!;
        var without = Agenda.Remove(item);
        return without.Insert(Math.Clamp(position - 1, 0, without.Count), item);
    }
}
