namespace BoardDesk.Organisations;

/// <summary>The organisation hands one of its functions to another and carries on without it.</summary>
public sealed record FunctionDeparture : OrganisationChange
{
    /// <summary>The function.</summary>
    public required string Function { get; init; }

    /// <summary>The organisation that takes it on.</summary>
    public required string ToId { get; init; }
}
