namespace BoardDesk.Meetings;

/// <summary>Whether a meeting was quorate, computed from its attendance and the board's rule.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.QuorumAssessment")]
public sealed record QuorumAssessment
{
    /// <summary>Whether the quorum was met.</summary>
    [Id(0)]
    public required bool Met { get; init; }

    /// <summary>The member organisations represented by a voting member or deputy present.</summary>
    [Id(1)]
    public IReadOnlyList<string> OrganisationsRepresented { get; init; } = [];

    /// <summary>How many organisations the rule asks for.</summary>
    [Id(2)]
    public int OrganisationsRequired { get; init; }

    /// <summary>Whether the chair or vice-chair was present.</summary>
    [Id(3)]
    public bool ChairOrViceChairPresent { get; init; }

    /// <summary>The reason, in words.</summary>
    [Id(4)]
    public required string Explanation { get; init; }
}
