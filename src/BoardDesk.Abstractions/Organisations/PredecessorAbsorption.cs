namespace BoardDesk.Organisations;

/// <summary>The organisation takes on the work of one that merges into it or ceases.</summary>
public sealed record PredecessorAbsorption : OrganisationChange
{
    /// <summary>The organisation whose work it takes on.</summary>
    public required string PredecessorId { get; init; }

    /// <summary>Merger or cessation.</summary>
    public required LineageReason Reason { get; init; }

    /// <summary>The predecessor's functions it now hosts.</summary>
    public IReadOnlyList<string> Functions { get; init; } = [];
}
