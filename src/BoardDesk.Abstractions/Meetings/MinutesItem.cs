namespace BoardDesk.Meetings;

/// <summary>The minute of one agenda item, as the minutes show it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.MinutesItem")]
public sealed record MinutesItem
{
    /// <summary>The agenda item minuted.</summary>
    [Id(0)]
    public required int AgendaItemId { get; init; }

    /// <summary>The item's number and title on the agenda.</summary>
    [Id(1)]
    public required string Heading { get; init; }

    /// <summary>A summary of the discussion.</summary>
    [Id(2)]
    public string Discussion { get; init; } = "";

    /// <summary>The decisions taken.</summary>
    [Id(3)]
    public IReadOnlyList<string> Decisions { get; init; } = [];

    /// <summary>The actions agreed.</summary>
    [Id(4)]
    public IReadOnlyList<ActionAgreed> Actions { get; init; } = [];

    /// <summary>The interests declared on the item and how the chair decided each was managed.</summary>
    [Id(5)]
    public IReadOnlyList<Declaration> Declarations { get; init; } = [];
}
