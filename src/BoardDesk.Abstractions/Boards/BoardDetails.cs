namespace BoardDesk.Boards;

/// <summary>A board as callers and the register see it.</summary>
public sealed record BoardDetails
{
    /// <summary>The slug that identifies it (<c>ldib</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>Its terms of reference, in Markdown.</summary>
    public string TermsOfReference { get; init; } = "";

    /// <summary>The named representatives of its member organisations.</summary>
    public IReadOnlyList<BoardMember> Members { get; init; } = [];

    /// <summary>The member organisations, in the order their first representative is listed.</summary>
    public IReadOnlyList<string> MemberOrganisations { get; init; } = [];

    /// <summary>The chair's name.</summary>
    public string? Chair { get; init; }

    /// <summary>The vice-chair's name, if there is one.</summary>
    public string? ViceChair { get; init; }

    /// <summary>Who provides the secretariat.</summary>
    public string Secretariat { get; init; } = "";

    /// <summary>When a meeting is quorate.</summary>
    public QuorumRule Quorum { get; init; } = new();

    /// <summary>How many days before a meeting papers are due.</summary>
    public int PaperDeadlineDays { get; init; }

    /// <summary>The reviews whose recommendations the board tracks.</summary>
    public IReadOnlyList<string> TrackedReviews { get; init; } = [];

    /// <summary>The journal's version: how many changes the board has had.</summary>
    public long Version { get; init; }
}
