namespace BoardDesk.Meetings;

/// <summary>Records a declaration of interest against an agenda item.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.DeclareInterest")]
public sealed record DeclareInterest
{
    /// <summary>The agenda item the interest bears on.</summary>
    [Id(0)]
    public required int AgendaItemId { get; init; }

    /// <summary>Who declares it.</summary>
    [Id(1)]
    public required string Name { get; init; }

    /// <summary>The interest.</summary>
    [Id(2)]
    public required string Interest { get; init; }

    /// <summary>What was agreed (took part, withdrew for the item).</summary>
    [Id(3)]
    public string Action { get; init; } = "";

    /// <summary>The account of the person declaring, when known.</summary>
    [Id(4)]
    public string? PersonId { get; init; }

    /// <summary>The interest on the person's standing register it comes from, if it does.</summary>
    [Id(5)]
    public int? InterestId { get; init; }
}
