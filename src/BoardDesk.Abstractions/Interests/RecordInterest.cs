namespace BoardDesk.Interests;

/// <summary>Declares an interest on one's standing register.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.RecordInterest")]
public sealed record RecordInterest
{
    /// <summary>Its category.</summary>
    [Id(0)]
    public InterestCategory Category { get; init; }

    /// <summary>What the interest is.</summary>
    [Id(1)]
    public string Description { get; init; } = "";

    /// <summary>The organisation concerned, from the register of organisations; or give <see cref="CompanyName"/>.</summary>
    [Id(2)]
    public string? OrganisationId { get; init; }

    /// <summary>The company, supplier or person concerned when it is not an organisation of the register.</summary>
    [Id(3)]
    public string? CompanyName { get; init; }

    /// <summary>The person's role in it.</summary>
    [Id(4)]
    public string Role { get; init; } = "";

    /// <summary>When the interest began.</summary>
    [Id(5)]
    public DateOnly From { get; init; }

    /// <summary>When it ended, if it has.</summary>
    [Id(6)]
    public DateOnly? To { get; init; }

    /// <summary>How it is managed.</summary>
    [Id(7)]
    public string Management { get; init; } = "";

    /// <summary>Whether it appears on the published register.</summary>
    [Id(8)]
    public bool Published { get; init; } = true;

    /// <summary>Why it is withheld; required when <see cref="Published"/> is false.</summary>
    [Id(9)]
    public WithholdingReason? WithheldBecause { get; init; }
}
