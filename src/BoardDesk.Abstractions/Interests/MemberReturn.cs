namespace BoardDesk.Interests;

/// <summary>For the secretariat: whether one person on a board has made the declarations asked of them.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.MemberReturn")]
public sealed record MemberReturn
{
    /// <summary>The person's account.</summary>
    [Id(0)]
    public required string PersonId { get; init; }

    /// <summary>The name they sit under on the board.</summary>
    [Id(1)]
    public required string Name { get; init; }

    /// <summary>The organisation they represent.</summary>
    [Id(2)]
    public string OrganisationId { get; init; } = "";

    /// <summary>Their latest return, if any.</summary>
    [Id(3)]
    public InterestReturn? LastReturn { get; init; }

    /// <summary>The board's unanswered request, if any.</summary>
    [Id(4)]
    public ReturnRequest? Outstanding { get; init; }

    /// <summary>True when the outstanding request is past its date.</summary>
    public bool Overdue => Outstanding?.Overdue == true;
}
