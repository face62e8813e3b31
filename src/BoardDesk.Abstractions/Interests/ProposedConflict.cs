namespace BoardDesk.Interests;

/// <summary>
/// A likely conflict of interest BoardDesk finds before a meeting: a standing interest of someone expected at the
/// meeting in something an agenda item concerns.
/// </summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.ProposedConflict")]
public sealed record ProposedConflict
{
    /// <summary>The agenda item.</summary>
    [Id(0)]
    public required int AgendaItemId { get; init; }

    /// <summary>The item's number on the agenda.</summary>
    [Id(1)]
    public int ItemNumber { get; init; }

    /// <summary>The item's title.</summary>
    [Id(2)]
    public string ItemTitle { get; init; } = "";

    /// <summary>The person (account user name) whose register holds the interest.</summary>
    [Id(3)]
    public required string PersonId { get; init; }

    /// <summary>The name the person sits under on the board (the seat or the deputy), which a declaration recuses.</summary>
    [Id(4)]
    public required string Name { get; init; }

    /// <summary>The interest on their register.</summary>
    [Id(5)]
    public required int InterestId { get; init; }

    /// <summary>Its category.</summary>
    [Id(6)]
    public InterestCategory Category { get; init; }

    /// <summary>What the interest is.</summary>
    [Id(7)]
    public string Interest { get; init; } = "";

    /// <summary>What the item concerns that the interest is in, by name.</summary>
    [Id(8)]
    public string Concern { get; init; } = "";

    /// <summary>One sentence for the person: "You declared a non-financial professional interest in …; item 5 concerns …".</summary>
    [Id(9)]
    public string Explanation { get; init; } = "";

    /// <summary>Whether the interest has been declared at the meeting against this item.</summary>
    [Id(10)]
    public bool Declared { get; init; }
}
