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
}
