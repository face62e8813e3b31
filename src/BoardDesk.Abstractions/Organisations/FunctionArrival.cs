namespace BoardDesk.Organisations;

/// <summary>The organisation takes on a function another organisation hands over.</summary>
public sealed record FunctionArrival : OrganisationChange
{
    /// <summary>The function.</summary>
    public required string Function { get; init; }

    /// <summary>The organisation that hosted it until now.</summary>
    public required string FromId { get; init; }
}
