namespace BoardDesk.Meetings;

/// <summary>A declaration of interest recorded at a meeting.</summary>
public sealed record Declaration
{
    /// <summary>The agenda item it bears on.</summary>
    public required int AgendaItemId { get; init; }

    /// <summary>Who declared it.</summary>
    public required string Name { get; init; }

    /// <summary>The interest.</summary>
    public required string Interest { get; init; }

    /// <summary>What was agreed.</summary>
    public string Action { get; init; } = "";
}
