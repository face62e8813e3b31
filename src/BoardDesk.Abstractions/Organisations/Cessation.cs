namespace BoardDesk.Organisations;

/// <summary>The organisation ceases; each of its functions goes to a named successor.</summary>
public sealed record Cessation : OrganisationChange
{
    /// <summary>Who takes on each function it hosts.</summary>
    public IReadOnlyList<FunctionSuccessor> FunctionSuccessors { get; init; } = [];

    /// <summary>Who takes on the rest of its work, and its recommendations; null to use the first named successor.</summary>
    public string? SuccessorId { get; init; }
}
