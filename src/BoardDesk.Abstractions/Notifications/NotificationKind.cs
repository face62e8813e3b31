using System.Text.Json.Serialization;

namespace BoardDesk.Notifications;

/// <summary>What a notice is about; each person chooses per kind whether and how they get it by email.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotificationKind>))]
[GenerateSerializer, Alias("BoardDesk.Notifications.NotificationKind")]
public enum NotificationKind
{
    /// <summary>A meeting was planned or moved: an invitation (iCalendar METHOD:REQUEST) to members and deputies.</summary>
    MeetingInvitation,

    /// <summary>A meeting was cancelled: an iCalendar METHOD:CANCEL to members and deputies.</summary>
    MeetingCancelled,

    /// <summary>A paper's deadline is near: to its author.</summary>
    PaperDue,

    /// <summary>A paper missed the board's paper deadline: to its author.</summary>
    PaperLate,

    /// <summary>A meeting's board pack was published (its agenda): to members and deputies.</summary>
    PackPublished,

    /// <summary>Voting opened on a decision, with its deadline for a written procedure: to those who may vote.</summary>
    VoteOpened,

    /// <summary>A written procedure closes within a day: to those who may vote.</summary>
    VoteClosingSoon,

    /// <summary>Voting closed with an outcome: to members and deputies.</summary>
    VoteOutcome,

    /// <summary>An action was assigned: to its owner.</summary>
    ActionAssigned,

    /// <summary>An action is due within 14 days: to its owner.</summary>
    ActionDueSoon,

    /// <summary>An action is overdue, weekly while it stays so: to its owner.</summary>
    ActionOverdue,

    /// <summary>An owner proposed closing an action: to the board's secretariat.</summary>
    ActionProposedForClosure,

    /// <summary>The board closed an action: to its owner.</summary>
    ActionClosed,

    /// <summary>Declarations of interest are due (the register of interests).</summary>
    DeclarationsDue,
}
