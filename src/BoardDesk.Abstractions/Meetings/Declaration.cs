namespace BoardDesk.Meetings;

/// <summary>A declaration of interest recorded at a meeting.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.Declaration")]
public sealed record Declaration
{
    /// <summary>The agenda item it bears on.</summary>
    [Id(0)]
    public required int AgendaItemId { get; init; }

    /// <summary>Who declared it.</summary>
    [Id(1)]
    public required string Name { get; init; }

    /// <summary>The interest.</summary>
    [Id(2)]
    public required string Interest { get; init; }

    /// <summary>What was agreed.</summary>
    [Id(3)]
    public string Action { get; init; } = "";

    /// <summary>The declaration's number within the meeting, from 1.</summary>
    [Id(4)]
    public int Id { get; init; }

    /// <summary>The account of the person declaring, when known.</summary>
    [Id(5)]
    public string? PersonId { get; init; }

    /// <summary>The interest on the person's standing register it comes from, if it does.</summary>
    [Id(6)]
    public int? InterestId { get; init; }

    /// <summary>The chair's decision on how it is managed; null until recorded.</summary>
    [Id(7)]
    public DeclarationManagement? Management { get; init; }

    /// <summary>Who recorded the management decision.</summary>
    [Id(8)]
    public string? ManagedBy { get; init; }

    /// <summary>
    /// Whether the person is recused from votes under the item: unless the chair decided they may take part (a
    /// declaration not yet decided recuses, as one always did).
    /// </summary>
    public bool Recuses => Management != DeclarationManagement.MayTakePart;
}
