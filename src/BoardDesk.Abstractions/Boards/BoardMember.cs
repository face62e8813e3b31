namespace BoardDesk.Boards;

/// <summary>A named representative of a member organisation on a board.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Boards.BoardMember")]
public sealed record BoardMember
{
    /// <summary>The organisation represented (<c>monitor</c>).</summary>
    [Id(0)]
    public required string OrganisationId { get; init; }

    /// <summary>The representative's name.</summary>
    [Id(1)]
    public required string Name { get; init; }

    /// <summary>Their job title, if given.</summary>
    [Id(2)]
    public string? Title { get; init; }

    /// <summary>Whether they chair the board, are its vice-chair, or are an ordinary member.</summary>
    [Id(3)]
    public BoardOffice Office { get; init; } = BoardOffice.Member;

    /// <summary>Whether the member votes; non-voting members do not count towards the quorum.</summary>
    [Id(4)]
    public bool Voting { get; init; } = true;

    /// <summary>The people who may stand in for this member.</summary>
    [Id(5)]
    public IReadOnlyList<string> Deputies { get; init; } = [];

    /// <summary>
    /// The account (user name) of the person who holds the seat: only that account casts the seat's ballots and
    /// declares interests as this member. Null while the seat has no account; an account holds one seat on a board.
    /// </summary>
    [Id(6)]
    public string? UserName { get; init; }

    /// <summary>The accounts of the deputies the board appointed, by deputy name: only that account stands in as that deputy.</summary>
    [Id(7)]
    public IReadOnlyDictionary<string, string> DeputyUserNames { get; init; } = new Dictionary<string, string>();
}
