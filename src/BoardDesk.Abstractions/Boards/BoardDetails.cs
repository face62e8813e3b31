namespace BoardDesk.Boards;

/// <summary>A board as callers and the register see it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Boards.BoardDetails")]
public sealed record BoardDetails
{
    /// <summary>The slug that identifies it (<c>ldib</c>).</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    [Id(1)]
    public required string Name { get; init; }

    /// <summary>Its terms of reference, in Markdown.</summary>
    [Id(2)]
    public string TermsOfReference { get; init; } = "";

    /// <summary>The named representatives of its member organisations.</summary>
    [Id(3)]
    public IReadOnlyList<BoardMember> Members { get; init; } = [];

    /// <summary>The member organisations, in the order their first representative is listed.</summary>
    [Id(4)]
    public IReadOnlyList<string> MemberOrganisations { get; init; } = [];

    /// <summary>The chair's name.</summary>
    [Id(5)]
    public string? Chair { get; init; }

    /// <summary>The vice-chair's name, if there is one.</summary>
    [Id(6)]
    public string? ViceChair { get; init; }

    /// <summary>Who provides the secretariat.</summary>
    [Id(7)]
    public string Secretariat { get; init; } = "";

    /// <summary>When a meeting is quorate.</summary>
    [Id(8)]
    public QuorumRule Quorum { get; init; } = new();

    /// <summary>How many days before a meeting papers are due.</summary>
    [Id(9)]
    public int PaperDeadlineDays { get; init; }

    /// <summary>The reviews whose recommendations the board tracks.</summary>
    [Id(11)]
    public IReadOnlyList<string> TrackedReviews { get; init; } = [];

    /// <summary>The journal's version: how many changes the board has had.</summary>
    [Id(10)]
    public long Version { get; init; }
}
