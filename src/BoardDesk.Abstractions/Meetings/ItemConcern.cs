namespace BoardDesk.Meetings;

/// <summary>Something an agenda item concerns: an organisation, a company or supplier, or a person.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.ItemConcern")]
public sealed record ItemConcern
{
    /// <summary>What kind of thing it is.</summary>
    [Id(0)]
    public ConcernKind Kind { get; init; }

    /// <summary>For an organisation, its id in the register of organisations; for a person, their account if known.</summary>
    [Id(1)]
    public string? Id { get; init; }

    /// <summary>Its name (for an organisation, filled in from the register).</summary>
    [Id(2)]
    public string Name { get; init; } = "";
}
