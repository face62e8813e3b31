namespace BoardDesk.Organisations;

/// <summary>The organisation ceases; each of its functions goes to a named successor.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.Cessation")]
public sealed record Cessation : OrganisationChange
{
    /// <summary>Who takes on each function it hosts.</summary>
    [Id(0)]
    public IReadOnlyList<FunctionSuccessor> FunctionSuccessors { get; init; } = [];

    /// <summary>Who takes on the rest of its work, and its recommendations; null to use the first named successor.</summary>
    [Id(1)]
    public string? SuccessorId { get; init; }
}
