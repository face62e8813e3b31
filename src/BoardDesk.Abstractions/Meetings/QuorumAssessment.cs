namespace BoardDesk.Meetings;

/// <summary>Whether a meeting was quorate, computed from its attendance and the board's rule.</summary>
public sealed record QuorumAssessment
{
    /// <summary>Whether the quorum was met.</summary>
    public required bool Met { get; init; }

    /// <summary>The member organisations represented by a voting member or deputy present.</summary>
    public IReadOnlyList<string> OrganisationsRepresented { get; init; } = [];

    /// <summary>How many organisations the rule asks for.</summary>
    public int OrganisationsRequired { get; init; }

    /// <summary>Whether the chair or vice-chair was present.</summary>
    public bool ChairOrViceChairPresent { get; init; }

    /// <summary>The reason, in words.</summary>
    public required string Explanation { get; init; }
}
