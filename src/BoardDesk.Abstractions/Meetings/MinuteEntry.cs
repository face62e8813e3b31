namespace BoardDesk.Meetings;

/// <summary>The draft minute of one agenda item.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.MinuteEntry")]
public sealed record MinuteEntry
{
    /// <summary>The agenda item minuted.</summary>
    [Id(0)]
    public required int AgendaItemId { get; init; }

    /// <summary>A summary of the discussion.</summary>
    [Id(1)]
    public string Discussion { get; init; } = "";

    /// <summary>The decisions taken; only a quorate meeting takes decisions.</summary>
    [Id(2)]
    public IReadOnlyList<string> Decisions { get; init; } = [];

    /// <summary>The actions agreed.</summary>
    [Id(3)]
    public IReadOnlyList<ActionAgreed> Actions { get; init; } = [];
}
