using System.Collections.Immutable;
using BoardDesk.Notifications;
using BoardDesk.Persistence;

namespace BoardDesk.Interests;

/// <summary>A person's register, folded from its events.</summary>
public sealed record InterestRegisterState : IJournaledState<InterestRegisterState, InterestRegisterEvent>
{
    /// <inheritdoc />
    public static InterestRegisterState Empty { get; } = new();

    /// <summary>The interests, in the order declared.</summary>
    public ImmutableList<InterestEntry> Interests { get; init; } = [];

    /// <summary>Gifts and hospitality.</summary>
    public ImmutableList<GiftOrHospitality> Gifts { get; init; } = [];

    /// <summary>The returns made.</summary>
    public ImmutableList<InterestReturn> Returns { get; init; } = [];

    /// <summary>The returns asked for.</summary>
    public ImmutableList<ReturnRequest> Requests { get; init; } = [];

    /// <summary>Notices recorded and not yet handed to the outbox.</summary>
    public ImmutableList<Notice> PendingNotices { get; init; } = [];

    /// <inheritdoc />
    public InterestRegisterState Apply(InterestRegisterEvent e) => e switch
    {
        InterestRecorded recorded => this with { Interests = Interests.Add(recorded.Interest) },
        InterestEnded ended => this with { Interests = Interests.Select(i => i.Id == ended.InterestId ? i with { To = ended.EndedOn } : i).ToImmutableList() },
        GiftRecorded gift => this with { Gifts = Gifts.Add(gift.Gift) },
        InterestReturnMade made => this with
        {
            Returns = Returns.Add(made.Return),
            Requests = Requests.Select(r => r.ReturnedAt is null ? r with { ReturnedAt = made.Return.MadeAt } : r).ToImmutableList(),
        },
        InterestReturnRequested requested => this with { Requests = Requests.Add(requested.Request) },
        InterestReturnOverdue overdue => this with
        {
            Requests = Requests.Select(r => r.ReturnedAt is null && r.BoardId == overdue.BoardId && r.Reason == overdue.Reason && r.DueOn == overdue.DueOn
                ? r with { OverdueSince = overdue.At } : r).ToImmutableList(),
        },
        InterestRegisterNoticesRecorded recorded => this with { PendingNotices = PendingNotices.AddRange(recorded.Notices) },
        InterestRegisterNoticesHandedOver handed => this with { PendingNotices = PendingNotices.RemoveAll(n => handed.NoticeIds.Contains(n.Id)) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown register-of-interests event."),
    };
}
