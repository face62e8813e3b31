namespace BoardDesk.Meetings;

/// <summary>Records a declaration of interest against an agenda item.</summary>
public sealed record DeclareInterest
{
    /// <summary>The agenda item the interest bears on.</summary>
    public required int AgendaItemId { get; init; }

    /// <summary>Who declares it.</summary>
    public required string Name { get; init; }

    /// <summary>The interest.</summary>
    public required string Interest { get; init; }

    /// <summary>What was agreed (took part, withdrew for the item).</summary>
    public string Action { get; init; } = "";
}
