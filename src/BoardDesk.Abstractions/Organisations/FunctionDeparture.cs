namespace BoardDesk.Organisations;

/// <summary>The organisation hands one of its functions to another and carries on without it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.FunctionDeparture")]
public sealed record FunctionDeparture : OrganisationChange
{
    /// <summary>The function.</summary>
    [Id(0)]
    public required string Function { get; init; }

    /// <summary>The organisation that takes it on.</summary>
    [Id(1)]
    public required string ToId { get; init; }
}
