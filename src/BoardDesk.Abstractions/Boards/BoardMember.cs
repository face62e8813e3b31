namespace BoardDesk.Boards;

/// <summary>A named representative of a member organisation on a board.</summary>
public sealed record BoardMember
{
    /// <summary>The organisation represented (<c>monitor</c>).</summary>
    public required string OrganisationId { get; init; }

    /// <summary>The representative's name.</summary>
    public required string Name { get; init; }

    /// <summary>Their job title, if given.</summary>
    public string? Title { get; init; }

    /// <summary>Whether they chair the board, are its vice-chair, or are an ordinary member.</summary>
    public BoardOffice Office { get; init; } = BoardOffice.Member;

    /// <summary>Whether the member votes; non-voting members do not count towards the quorum.</summary>
    public bool Voting { get; init; } = true;

    /// <summary>The people who may stand in for this member.</summary>
    public IReadOnlyList<string> Deputies { get; init; } = [];

    /// <summary>
    /// The account (user name) of the person who holds the seat: only that account casts the seat's ballots and
    /// declares interests as this member. Null while the seat has no account; an account holds one seat on a board.
    /// </summary>
    public string? UserName { get; init; }

    /// <summary>The accounts of the deputies the board appointed, by deputy name: only that account stands in as that deputy.</summary>
    public IReadOnlyDictionary<string, string> DeputyUserNames { get; init; } = new Dictionary<string, string>();
}
