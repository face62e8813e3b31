namespace BoardDesk.Interests;

/// <summary>One interest on a person's standing register. An ended interest stays on record with its end date.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.InterestEntry")]
public sealed record InterestEntry
{
    /// <summary>The entry's number within the register, from 1.</summary>
    [Id(0)]
    public required int Id { get; init; }

    /// <summary>Its category.</summary>
    [Id(1)]
    public required InterestCategory Category { get; init; }

    /// <summary>What the interest is.</summary>
    [Id(2)]
    public required string Description { get; init; }

    /// <summary>The organisation concerned, from the register of organisations, if it is one.</summary>
    [Id(3)]
    public string? OrganisationId { get; init; }

    /// <summary>The company, supplier or person concerned when it is not an organisation of the register.</summary>
    [Id(4)]
    public string? CompanyName { get; init; }

    /// <summary>The person's role in it (director, trustee, adviser; for an indirect interest, whose interest it is).</summary>
    [Id(5)]
    public string Role { get; init; } = "";

    /// <summary>When the interest began.</summary>
    [Id(6)]
    public required DateOnly From { get; init; }

    /// <summary>When it ended, if it has.</summary>
    [Id(7)]
    public DateOnly? To { get; init; }

    /// <summary>How it is managed (for example, "takes no part in decisions on contracts with the company").</summary>
    [Id(8)]
    public string Management { get; init; } = "";

    /// <summary>Whether the entry appears on the published register.</summary>
    [Id(9)]
    public bool Published { get; init; } = true;

    /// <summary>For an entry not published: why.</summary>
    [Id(10)]
    public WithholdingReason? WithheldBecause { get; init; }

    /// <summary>When it was declared.</summary>
    [Id(11)]
    public DateTimeOffset DeclaredAt { get; init; }

    /// <summary>Whether the interest is current on a date: begun and not yet ended.</summary>
    public bool CurrentOn(DateOnly date) => From <= date && (To is null || To >= date);
}
