namespace BoardDesk.Meetings;

/// <summary>The minute of one agenda item, as the minutes show it.</summary>
public sealed record MinutesItem
{
    /// <summary>The agenda item minuted.</summary>
    public required int AgendaItemId { get; init; }

    /// <summary>The item's number and title on the agenda.</summary>
    public required string Heading { get; init; }

    /// <summary>A summary of the discussion.</summary>
    public string Discussion { get; init; } = "";

    /// <summary>The decisions taken.</summary>
    public IReadOnlyList<string> Decisions { get; init; } = [];

    /// <summary>The actions agreed.</summary>
    public IReadOnlyList<ActionAgreed> Actions { get; init; } = [];
}
