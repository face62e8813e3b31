namespace BoardDesk.Boards;

/// <summary>Everything that defines a board; used to create it and to revise it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Boards.DefineBoard")]
public sealed record DefineBoard
{
    /// <summary>The board's name.</summary>
    [Id(0)]
    public required string Name { get; init; }

    /// <summary>Its terms of reference, in Markdown.</summary>
    [Id(1)]
    public string TermsOfReference { get; init; } = "";

    /// <summary>The named representatives of its member organisations; exactly one chair, at most one vice-chair.</summary>
    [Id(2)]
    public IReadOnlyList<BoardMember> Members { get; init; } = [];

    /// <summary>Who provides the secretariat (a team or organisation).</summary>
    [Id(3)]
    public string Secretariat { get; init; } = "";

    /// <summary>When a meeting of the board is quorate.</summary>
    [Id(4)]
    public QuorumRule Quorum { get; init; } = new();

    /// <summary>How many days before a meeting its papers are due.</summary>
    [Id(5)]
    public int PaperDeadlineDays { get; init; } = 7;

    /// <summary>The reviews whose recommendations the board tracks: its chair and secretariat record their owners and responses.</summary>
    [Id(6)]
    public IReadOnlyList<string> TrackedReviews { get; init; } = [];
}
