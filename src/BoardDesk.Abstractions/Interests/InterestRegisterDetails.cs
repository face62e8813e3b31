namespace BoardDesk.Interests;

/// <summary>A person's standing register of interests, gifts and hospitality, with the returns asked of them and made.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.InterestRegisterDetails")]
public sealed record InterestRegisterDetails
{
    /// <summary>The person: their account's user name.</summary>
    [Id(0)]
    public required string PersonId { get; init; }

    /// <summary>Every interest declared, current and ended, in the order declared.</summary>
    [Id(1)]
    public IReadOnlyList<InterestEntry> Interests { get; init; } = [];

    /// <summary>Gifts and hospitality, in the order recorded.</summary>
    [Id(2)]
    public IReadOnlyList<GiftOrHospitality> Gifts { get; init; } = [];

    /// <summary>The returns made, oldest first.</summary>
    [Id(3)]
    public IReadOnlyList<InterestReturn> Returns { get; init; } = [];

    /// <summary>The returns boards asked for, oldest first.</summary>
    [Id(4)]
    public IReadOnlyList<ReturnRequest> Requests { get; init; } = [];

    /// <summary>The journal's version: how many changes the register has had.</summary>
    [Id(5)]
    public long Version { get; init; }
}
