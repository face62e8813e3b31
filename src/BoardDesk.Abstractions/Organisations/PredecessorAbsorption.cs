namespace BoardDesk.Organisations;

/// <summary>The organisation takes on the work of one that merges into it or ceases.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.PredecessorAbsorption")]
public sealed record PredecessorAbsorption : OrganisationChange
{
    /// <summary>The organisation whose work it takes on.</summary>
    [Id(0)]
    public required string PredecessorId { get; init; }

    /// <summary>Merger or cessation.</summary>
    [Id(1)]
    public required LineageReason Reason { get; init; }

    /// <summary>The predecessor's functions it now hosts.</summary>
    [Id(2)]
    public IReadOnlyList<string> Functions { get; init; } = [];
}
