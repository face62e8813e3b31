namespace BoardDesk.Interests;

/// <summary>Records a gift or hospitality offered, accepted or declined.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.RecordGift")]
public sealed record RecordGift
{
    /// <summary>Who offered it.</summary>
    [Id(0)]
    public string OfferedBy { get; init; } = "";

    /// <summary>What it was.</summary>
    [Id(1)]
    public string Description { get; init; } = "";

    /// <summary>Its estimated value, in pounds (0 to 1,000,000).</summary>
    [Id(2)]
    public decimal EstimatedValue { get; init; }

    /// <summary>When it was offered.</summary>
    [Id(3)]
    public DateOnly On { get; init; }

    /// <summary>Whether it was accepted.</summary>
    [Id(4)]
    public bool Accepted { get; init; }

    /// <summary>Whether it appears on the published register.</summary>
    [Id(5)]
    public bool Published { get; init; } = true;

    /// <summary>Why it is withheld; required when <see cref="Published"/> is false.</summary>
    [Id(6)]
    public WithholdingReason? WithheldBecause { get; init; }
}
