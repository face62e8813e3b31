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
}
