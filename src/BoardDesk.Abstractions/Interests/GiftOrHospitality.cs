namespace BoardDesk.Interests;

/// <summary>A gift or hospitality offered to the person, accepted or declined.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.GiftOrHospitality")]
public sealed record GiftOrHospitality
{
    /// <summary>Its number within the register, from 1.</summary>
    [Id(0)]
    public required int Id { get; init; }

    /// <summary>Who offered it.</summary>
    [Id(1)]
    public required string OfferedBy { get; init; }

    /// <summary>What it was.</summary>
    [Id(2)]
    public required string Description { get; init; }

    /// <summary>Its estimated value, in pounds.</summary>
    [Id(3)]
    public decimal EstimatedValue { get; init; }

    /// <summary>When it was offered.</summary>
    [Id(4)]
    public required DateOnly On { get; init; }

    /// <summary>Whether it was accepted (false: declined).</summary>
    [Id(5)]
    public bool Accepted { get; init; }

    /// <summary>Whether it appears on the published register.</summary>
    [Id(6)]
    public bool Published { get; init; } = true;

    /// <summary>For an entry not published: why.</summary>
    [Id(7)]
    public WithholdingReason? WithheldBecause { get; init; }

    /// <summary>When it was recorded.</summary>
    [Id(8)]
    public DateTimeOffset DeclaredAt { get; init; }
}
