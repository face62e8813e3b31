namespace BoardDesk.Boards;

/// <summary>Everything that defines a board; used to create it and to revise it.</summary>
public sealed record DefineBoard
{
    /// <summary>The board's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its terms of reference, in Markdown.</summary>
    public string TermsOfReference { get; init; } = "";

    /// <summary>The named representatives of its member organisations; exactly one chair, at most one vice-chair.</summary>
    public IReadOnlyList<BoardMember> Members { get; init; } = [];

    /// <summary>Who provides the secretariat (a team or organisation).</summary>
    public string Secretariat { get; init; } = "";

    /// <summary>When a meeting of the board is quorate.</summary>
    public QuorumRule Quorum { get; init; } = new();

    /// <summary>How many days before a meeting its papers are due.</summary>
    public int PaperDeadlineDays { get; init; } = 7;

    /// <summary>The reviews whose recommendations the board tracks: its chair and secretariat record their owners and responses.</summary>
    public IReadOnlyList<string> TrackedReviews { get; init; } = [];
}
