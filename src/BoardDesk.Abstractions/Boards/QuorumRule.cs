namespace BoardDesk.Boards;

/// <summary>When a board's meeting is quorate: enough member organisations present through a voting member or deputy.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Boards.QuorumRule")]
public sealed record QuorumRule
{
    /// <summary>The least number of member organisations that must be represented.</summary>
    [Id(0)]
    public int MinimumOrganisations { get; init; } = 4;

    /// <summary>Whether the chair or the vice-chair must be present in person.</summary>
    [Id(1)]
    public bool RequiresChairOrViceChair { get; init; } = true;
}
