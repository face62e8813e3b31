namespace BoardDesk.Notifications;

/// <summary>Facts about the kinds of notice that do not depend on anyone's choices.</summary>
public static class NotificationKinds
{
    /// <summary>Kinds a person cannot turn off or unsubscribe from: a vote's deadlines.</summary>
    public static IReadOnlySet<NotificationKind> Mandatory { get; } = new HashSet<NotificationKind> { NotificationKind.VoteOpened, NotificationKind.VoteClosingSoon };

    /// <summary>Kinds sent at once even to a person who chose a daily digest: invitations and vote deadlines.</summary>
    public static IReadOnlySet<NotificationKind> NeverDigested { get; } = new HashSet<NotificationKind>
    {
        NotificationKind.MeetingInvitation, NotificationKind.MeetingCancelled, NotificationKind.VoteOpened, NotificationKind.VoteClosingSoon,
    };

    /// <summary>How a kind reads in a sentence ("meeting invitations").</summary>
    public static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.MeetingInvitation => "meeting invitations",
        NotificationKind.MeetingCancelled => "meeting cancellations",
        NotificationKind.PaperDue => "papers due",
        NotificationKind.PaperLate => "late papers",
        NotificationKind.PackPublished => "board packs published",
        NotificationKind.VoteOpened => "votes opened",
        NotificationKind.VoteClosingSoon => "votes closing soon",
        NotificationKind.VoteOutcome => "vote outcomes",
        NotificationKind.ActionAssigned => "actions assigned to you",
        NotificationKind.ActionDueSoon => "actions due soon",
        NotificationKind.ActionOverdue => "overdue actions",
        NotificationKind.ActionProposedForClosure => "actions proposed for closure",
        NotificationKind.ActionClosed => "actions closed",
        NotificationKind.DeclarationsDue => "declarations of interest due",
        _ => kind.ToString(),
    };
}
