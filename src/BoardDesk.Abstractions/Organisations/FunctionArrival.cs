namespace BoardDesk.Organisations;

/// <summary>The organisation takes on a function another organisation hands over.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.FunctionArrival")]
public sealed record FunctionArrival : OrganisationChange
{
    /// <summary>The function.</summary>
    [Id(0)]
    public required string Function { get; init; }

    /// <summary>The organisation that hosted it until now.</summary>
    [Id(1)]
    public required string FromId { get; init; }
}
